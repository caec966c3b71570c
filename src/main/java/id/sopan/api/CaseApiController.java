package id.sopan.api;

import id.sopan.casework.CaseDetail;
import id.sopan.casework.CaseService;
import id.sopan.casework.NotAllowedException;
import id.sopan.casework.Pemohon;
import id.sopan.catalog.CatalogService;
import id.sopan.engine.Action;
import id.sopan.engine.CaseStatus;
import id.sopan.engine.TaskKind;
import id.sopan.engine.TaskStatus;
import id.sopan.organization.AppUser;
import id.sopan.organization.OrganizationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Cases: start one, read one (with its tasks, history and kelengkapan), cancel one. */
@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Kasus", description = "Cases: an SOP run for one pemohon")
class CaseApiController {

    static final String ROLE_KEPALA = "ROLE_KEPALA";
    static final String ROLE_ADMIN = "ROLE_ADMIN";

    @Schema(description = "Who asks")
    record PemohonBody(@Schema(allowableValues = {"EMPLOYEE", "PERSON", "ORGANIZATION"}) String kind,
                       String name,
                       @Schema(description = "the pemohon's account, for an employee who works the pemohon's steps")
                       String username,
                       String nip,
                       String contact) {
    }

    record StartCaseRequest(@Schema(example = "UMM-06") String sopCode,
                            PemohonBody pemohon,
                            @Schema(description = "true when this start is the pemohon's submission (step 1); default false")
                            Boolean submittedByPemohon,
                            @Schema(description = "the kelengkapan items (1-based) present at the start")
                            List<Integer> fulfilled) {
    }

    record CaseStarted(long caseId, String registrationNo, String trackingCode) {
    }

    record CancelRequest(String reason) {
    }

    record PemohonView(Pemohon.Kind kind, String name, String username, String nip, String contact) {
    }

    record RequirementView(int itemNo, String text, boolean fulfilled) {
    }

    record TaskView(long id, int step, int round, String actor, String responsibleActor, TaskKind kind,
                    TaskStatus status, String claimedBy, Instant startedAt, Instant deadline, Instant endedAt,
                    boolean overdue, List<String> jabatan,
                    @Schema(description = "what the caller may do to the task now") Set<Action> permittedActions) {
    }

    record EventView(int seq, Instant at, String username, String actingJabatan, String onBehalfOf, String type,
                     Long taskId, Integer fromStep, Integer toStep, String note) {
    }

    record CaseView(long id, String officeCode, String registrationNo, String trackingCode, String sopCode,
                    int sopVersion, CaseStatus status, int currentStep, int returns, PemohonView pemohon,
                    Instant startedAt, String startedBy, Instant endedAt, List<RequirementView> kelengkapan,
                    List<TaskView> tasks, List<EventView> history) {
    }

    private final CaseService cases;
    private final CatalogService catalog;
    private final OrganizationService organization;
    private final String office;

    CaseApiController(CaseService cases, CatalogService catalog, OrganizationService organization,
                      @Value("${sopan.default-office:DKUKM}") String office) {
        this.cases = cases;
        this.catalog = catalog;
        this.organization = organization;
        this.office = office;
    }

    @PostMapping
    @Operation(summary = "Start a case of a berlaku SOP of the caller's office; the caller is recorded as its starter")
    ResponseEntity<CaseStarted> start(@RequestBody StartCaseRequest body, Authentication user) {
        String sopCode = Fields.required("sopCode", body.sopCode(), 16);
        // A case is the caller's office's: its SOPs, numbers and jabatan.
        String office = organization.user(user.getName()).map(AppUser::officeCode).orElse(this.office);
        CatalogService.VersionedSop sop = catalog.berlaku(office, sopCode)
                .orElseThrow(() -> ApiProblem.invalid("sopCode", "api.field.noSop", sopCode));
        PemohonBody p = body.pemohon();
        if (p == null) {
            throw ApiProblem.invalid("pemohon", "api.field.required");
        }
        Pemohon.Kind kind = Fields.oneOf("pemohon.kind", p.kind(), Pemohon.Kind.class);
        String name = Fields.required("pemohon.name", p.name(), 200);
        String username = Fields.optional("pemohon.username", p.username(), 64);
        if (username != null && organization.user(username).filter(u -> u.officeCode().equals(office)).isEmpty()) {
            throw ApiProblem.invalid("pemohon.username", "api.field.unknownUser", username);
        }
        String nip = Fields.optional("pemohon.nip", p.nip() == null ? null : p.nip().replace(" ", ""), 18);
        if (nip != null && !nip.matches("[0-9]{18}")) {
            // As the counter's form: a NIP is 18 digits.
            throw ApiProblem.invalid("pemohon.nip", "api.field.nip");
        }
        String contact = Fields.optional("pemohon.contact", p.contact(), 200);
        int items = CaseService.requirementsOf(sop.definition()).size();
        Set<Integer> fulfilled = new LinkedHashSet<>();
        for (Integer item : body.fulfilled() == null ? List.<Integer>of() : body.fulfilled()) {
            if (item == null || item < 1 || item > items) {
                throw ApiProblem.invalid("fulfilled", "api.field.noItem", String.valueOf(item), items);
            }
            fulfilled.add(item);
        }
        CaseService.Started started = cases.start(new CaseService.StartCase(office, sopCode,
                new Pemohon(kind, name, username, nip, contact), user.getName(),
                Boolean.TRUE.equals(body.submittedByPemohon()), fulfilled));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(started.caseId()).toUri())
                .body(new CaseStarted(started.caseId(), started.registrationNo(), started.trackingCode()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A case with its kelengkapan, tasks (with the caller's permitted actions) and history",
            description = "For those of the case's office involved in it (starter, pemohon, the jabatan of its tasks, "
                    + "who acted on it), and its office's Kepala/Sekretaris Dinas and administrators.")
    CaseView detail(@PathVariable long id, Authentication user) {
        if (!mayRead(cases, id, user)) {
            throw new NotAllowedException("user " + user.getName() + " has no part in case " + id);
        }
        return view(cases.detail(id), user.getName());
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an open case with a reason",
            description = "Only the Kepala/Sekretaris Dinas (ROLE_KEPALA), administrators (ROLE_ADMIN) or the case's starter, "
                    + "of the case's office.")
    CaseView cancel(@PathVariable long id, @RequestBody CancelRequest body, Authentication user) {
        CaseDetail detail = cases.detail(id);
        if (!cases.inOffice(id, user.getName())) {
            throw new NotAllowedException("user " + user.getName() + " is not of the office of case " + id);
        }
        if (!hasRole(user, ROLE_KEPALA) && !hasRole(user, ROLE_ADMIN) && !user.getName().equals(detail.startedBy())) {
            throw ApiProblem.forbidden("api.cancel.notAllowed");
        }
        String reason = Fields.required("reason", body.reason(), Fields.MAX_NOTE);
        cases.cancel(id, user.getName(), reason);
        return view(cases.detail(id), user.getName());
    }

    private CaseView view(CaseDetail d, String username) {
        Pemohon p = d.pemohon();
        return new CaseView(d.id(), d.officeCode(), d.registrationNo(), d.trackingCode(), d.sopCode(), d.sopVersion(),
                d.status(), d.currentStep(), d.returns(),
                new PemohonView(p.kind(), p.name(), p.username(), p.nip(), p.contact()),
                d.startedAt(), d.startedBy(), d.endedAt(),
                d.requirements().stream().map(r -> new RequirementView(r.itemNo(), r.text(), r.fulfilled())).toList(),
                d.tasks().stream().map(t -> new TaskView(t.id(), t.step(), t.round(), t.actor(), t.responsibleActor(),
                        t.kind(), t.status(), t.claimedBy(), t.startedAt(), t.deadline(), t.endedAt(), t.overdue(),
                        t.jabatan(), t.status().isFinal() ? Set.of() : cases.permittedActions(t.id(), username))).toList(),
                d.history().stream().map(e -> new EventView(e.seq(), e.at(), e.username(), e.actingJabatan(),
                        e.onBehalfOf(), e.type(), e.taskId(), e.fromStep(), e.toStep(), e.note())).toList());
    }

    /** Those of the case's office involved in it, and its office's heads and administrators (casework decides). */
    static boolean mayRead(CaseService cases, long id, Authentication user) {
        return cases.mayRead(id, user.getName(), hasRole(user, ROLE_KEPALA) || hasRole(user, ROLE_ADMIN));
    }

    static boolean hasRole(Authentication user, String role) {
        return user.getAuthorities().stream().anyMatch(a -> role.equals(a.getAuthority()));
    }
}
