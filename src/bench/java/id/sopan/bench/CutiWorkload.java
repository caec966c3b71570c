package id.sopan.bench;

import id.sopan.catalog.CatalogFiles;
import id.sopan.sop.ActorKind;
import id.sopan.sop.SopDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workload both engines run: Cuti Tahunan (UMM-06) cases to their end, each step as its user does it (find
 * the task in the worklist, claim, complete); every tenth case is returned once, "belum sesuai", at the first
 * decision, and its pemohon resubmits. Which cases return depends on the case's index only, so both engines do
 * the same work.
 */
final class CutiWorkload {

    static final String OFFICE = "DKUKM";
    static final String SOP = "UMM-06";
    static final String PEMOHON = "pegawai";
    static final String PEMOHON_NAME = "Ai Komariah";
    static final String PEMOHON_NIP = "196711191991032032";
    static final String RETURN_NOTE = "belum sesuai: fc SK terakhir belum dilegalisir";
    static final String HANDOFF_NOTE = "surat izin cuti diterima kembali dari BKD";

    /**
     * Who works each actor's steps: the jabatan the organization file assigns and its demo account. Flowable runs
     * without Sopan's tables, so it reads them here; the Sopan run checks them against the organization first.
     */
    static final Map<String, String> JABATAN_OF_ACTOR = Map.of(
            "Staf Kepegawaian", "STAF-KEPEGAWAIAN",
            "Kasubbag Umum", "KASUBBAG-UMUM",
            "Sekretaris Dinas", "SEKDIS",
            "Kepala Dinas", "KADIS");
    static final Map<String, String> USER_OF_JABATAN = Map.of(
            "STAF-KEPEGAWAIAN", "staf.kepegawaian",
            "KASUBBAG-UMUM", "kasubbag.umum",
            "SEKDIS", "sekdis",
            "KADIS", "kadis");
    /** The pemohon's own jabatan: in her worklist too. */
    static final String PEMOHON_JABATAN = "STAF-DK";

    enum Kind { PEMOHON, PLAIN, DECISION, HANDOFF }

    /**
     * A step as the workload works it.
     *
     * @param responsibleActor the actor whose jabatan works it (an external step: the internal actor before it)
     * @param jabatan          that actor's jabatan (null for the pemohon's steps)
     * @param user             who works it
     * @param userGroups       the jabatan the user holds: what their worklist shows
     */
    record Step(int number, String actor, String responsibleActor, Kind kind, Integer returnsTo, String jabatan,
                String user, List<String> userGroups) {
    }

    final SopDefinition sop;
    final List<Step> steps;
    /** The decision at which the returned cases are returned. */
    final int returnStep;

    CutiWorkload() {
        this.sop = CatalogFiles.loadBundled().offices().stream()
                .filter(o -> o.office().code().equals(OFFICE)).findFirst().orElseThrow()
                .sops().stream().filter(s -> s.code().equals(SOP)).findFirst().orElseThrow();
        List<Step> list = new ArrayList<>();
        String lastInternal = null;
        for (id.sopan.sop.Step s : sop.steps()) {
            if (s.actors().size() != 1) {
                throw new IllegalStateException(SOP + " step " + s.number() + " has several actors; the workload expects one");
            }
            String actor = s.actors().get(0);
            ActorKind kind = sop.actor(actor).orElseThrow().kind();
            if (kind == ActorKind.PEMOHON) {
                list.add(new Step(s.number(), actor, actor, Kind.PEMOHON, null, null, PEMOHON, List.of(PEMOHON_JABATAN)));
                continue;
            }
            // Sopan's engine gives an external institution's step to the internal actor before it (a hand-off).
            String responsible = kind == ActorKind.EXTERNAL ? lastInternal : actor;
            if (responsible == null) {
                throw new IllegalStateException(SOP + " step " + s.number() + " has no internal actor before it");
            }
            lastInternal = responsible;
            String jabatan = JABATAN_OF_ACTOR.get(responsible);
            Kind k = kind == ActorKind.EXTERNAL ? Kind.HANDOFF : s.isDecision() ? Kind.DECISION : Kind.PLAIN;
            list.add(new Step(s.number(), actor, responsible, k, s.isDecision() ? s.decision().returnsTo() : null,
                    jabatan, USER_OF_JABATAN.get(jabatan), List.of(jabatan)));
        }
        this.steps = List.copyOf(list);
        this.returnStep = steps.stream().filter(s -> s.kind() == Kind.DECISION).findFirst().orElseThrow().number();
    }

    static boolean returnsOnce(int caseIndex) {
        return caseIndex % 10 == 9;
    }

    /** The user tasks a case takes: every step once, and the steps from the return step to the decision again. */
    int tasksOf(int caseIndex) {
        if (!returnsOnce(caseIndex)) {
            return steps.size();
        }
        Step decision = step(returnStep);
        return steps.size() + (decision.number() - decision.returnsTo() + 1);
    }

    Step step(int number) {
        return steps.stream().filter(s -> s.number() == number).findFirst().orElseThrow();
    }

    /** Runs one case to its end; answers the user tasks it took. */
    <C, T> int run(BenchEngine<C, T> engine, int caseIndex) {
        C kase = engine.start(caseIndex);
        boolean returnPending = returnsOnce(caseIndex);
        int tasks = 0;
        int i = 0;
        while (i < steps.size()) {
            Step step = steps.get(i);
            T task = engine.find(kase, step);
            engine.claim(task, step);
            boolean back = returnPending && step.number() == returnStep;
            engine.finish(task, step, back);
            tasks++;
            if (back) {
                returnPending = false;
                i = steps.indexOf(step(step.returnsTo()));
            } else {
                i++;
            }
        }
        return tasks;
    }
}
