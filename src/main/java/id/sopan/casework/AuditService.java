package id.sopan.casework;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/** Checks every case's history chain: each row's hash must follow from its content and the row before. */
@Service
public class AuditService {

    private final CaseRepository cases;
    private final TransactionTemplate readTx;

    AuditService(CaseRepository cases, PlatformTransactionManager transactions) {
        this.cases = cases;
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    /** A break in one case's chain. */
    public record Break(long caseId, String registrationNo, int seq, String reason) {
    }

    public record Report(long cases, long events, List<Break> breaks) {
        public boolean ok() {
            return breaks.isEmpty();
        }
    }

    public Report verifyAll() {
        List<Break> breaks = new ArrayList<>();
        long caseCount = 0;
        long eventCount = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> page = readTx.execute(s -> cases.caseIds(from, 500));
            if (page.isEmpty()) {
                break;
            }
            for (long caseId : page) {
                caseCount++;
                eventCount += readTx.execute(s -> verify(caseId, breaks));
            }
            after = page.get(page.size() - 1);
        }
        return new Report(caseCount, eventCount, breaks);
    }

    /** The breaks in one case's chain (empty when intact). */
    public List<Break> verifyCase(long caseId) {
        List<Break> breaks = new ArrayList<>();
        readTx.executeWithoutResult(s -> verify(caseId, breaks));
        return breaks;
    }

    /** Verifies one case, adding what is wrong to {@code breaks}; returns the number of rows read. */
    int verify(long caseId, List<Break> breaks) {
        List<CaseRepository.EventRow> events = cases.events(caseId);
        String registration = cases.findCase(caseId).map(CaseRepository.CaseRow::registrationNo).orElse("?");
        String previous = null;
        int expectedSeq = 1;
        for (CaseRepository.EventRow e : events) {
            if (e.seq() != expectedSeq) {
                breaks.add(new Break(caseId, registration, e.seq(), "sequence gap: expected " + expectedSeq));
            }
            if (!java.util.Objects.equals(e.prevHash(), previous)) {
                breaks.add(new Break(caseId, registration, e.seq(), "previous hash does not match the row before"));
            }
            String computed = EventHash.of(e.prevHash(), new EventHash.Fields(e.caseId(), e.seq(), e.occurredAt(),
                    e.username(), e.actingJabatan(), e.onBehalfOf(), e.type(), e.taskId(), e.fromStep(), e.toStep(),
                    e.note()));
            if (!computed.equals(e.hash())) {
                breaks.add(new Break(caseId, registration, e.seq(), "content does not match its hash"));
            }
            previous = e.hash();
            expectedSeq = e.seq() + 1;
        }
        if (events.isEmpty()) {
            breaks.add(new Break(caseId, registration, 0, "the case has no history"));
        }
        return events.size();
    }
}
