package id.sopan.engine;

import id.sopan.catalog.CatalogFiles;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.Step;
import id.sopan.sop.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineTest {

    /** A plain clock-minute policy: the calendar's own rules are tested in the calendar package. */
    static final DeadlinePolicy MINUTES = (start, time) -> time.unit() == TimeUnit.WORKING_MINUTES
            ? start.plus(Duration.ofMinutes(time.amount())) : null;
    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    static Map<String, SopDefinition> catalog;
    final Engine engine = new Engine(MINUTES);

    @BeforeAll
    static void load() {
        catalog = CatalogFiles.loadBundled().offices().get(0).sops().stream()
                .collect(Collectors.toMap(SopDefinition::code, Function.identity()));
    }

    static List<String> codes() {
        return catalog == null ? CatalogFiles.loadBundled().offices().get(0).sops().stream().map(SopDefinition::code).toList()
                : catalog.keySet().stream().sorted().toList();
    }

    /** Works every active task the way users do, returning "belum sesuai" once at the decisions asked to. */
    static void runToEnd(InMemoryCase c, boolean returnOnceAtEachDecision) {
        Set<Integer> returned = new HashSet<>();
        Instant at = T0;
        int guard = 0;
        while (c.kase.status() == CaseStatus.OPEN) {
            if (++guard > 1000) {
                throw new AssertionError("case did not end");
            }
            TaskView task = c.active().get(0);
            at = at.plusSeconds(60);
            String user = "user-" + task.responsibleActor();
            boolean decision = c.sop.step(task.step()).orElseThrow().isDecision();
            switch (task.status()) {
                case OPEN -> c.act(task.id(), Action.CLAIM, user, null, at);
                case CLAIMED -> {
                    if (task.kind() == TaskKind.HANDOFF) {
                        c.act(task.id(), Action.HAND_OFF, user, null, at);
                    } else if (decision && returnOnceAtEachDecision && returned.add(task.step())) {
                        c.act(task.id(), Action.RETURN, user, "berkas belum lengkap", at);
                    } else {
                        c.act(task.id(), decision ? Action.APPROVE : Action.COMPLETE, user, null, at);
                    }
                }
                case HANDED_OFF -> {
                    if (decision && returnOnceAtEachDecision && returned.add(task.step())) {
                        c.act(task.id(), Action.RETURN, user, "dikembalikan instansi", at);
                    } else {
                        c.act(task.id(), decision ? Action.APPROVE : Action.RECEIVE_BACK, user, "hasil diterima", at);
                    }
                }
                default -> throw new AssertionError("an active task is " + task.status());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("codes")
    void everySopRunsToTheEnd(String code) {
        SopDefinition sop = catalog.get(code);
        InMemoryCase c = new InMemoryCase(sop, engine, "T/" + code, false, T0);
        runToEnd(c, false);
        assertThat(c.kase.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.kase.returns()).isZero();
        // Every step was done once by every one of its actors.
        int expectedTasks = sop.steps().stream().mapToInt(s -> s.actors().size()).sum();
        assertThat(c.tasks).hasSize(expectedTasks).allMatch(t -> t.status() == TaskStatus.DONE);
        assertThat(c.events.get(c.events.size() - 1).type()).isEqualTo(EventType.CASE_CLOSED);
    }

    @ParameterizedTest
    @MethodSource("codes")
    void everySopRunsToTheEndWithOneReturnAtEachDecision(String code) {
        SopDefinition sop = catalog.get(code);
        InMemoryCase c = new InMemoryCase(sop, engine, "T/" + code, false, T0);
        runToEnd(c, true);
        long decisions = sop.steps().stream().filter(Step::isDecision).count();
        assertThat(c.kase.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.kase.returns()).isEqualTo((int) decisions);
        assertThat(c.events).filteredOn(e -> e.type() == EventType.DECISION_RETURNED).hasSize((int) decisions)
                .allSatisfy(e -> assertThat(e.toStep()).isLessThan(e.fromStep()));
        assertThat(c.tasks).filteredOn(t -> t.status() == TaskStatus.RETURNED).hasSize((int) decisions);
    }

    @Test
    void theCutiTahunanPemohonSubmitsAndTheBkdStepIsAHandOff() {
        InMemoryCase c = new InMemoryCase(catalog.get("UMM-06"), engine, "DKUKM/2026/000001", true, T0);
        assertThat(c.tasks.get(0)).satisfies(t -> {
            assertThat(t.step()).isEqualTo(1);
            assertThat(t.status()).isEqualTo(TaskStatus.DONE);
            assertThat(t.claimedBy()).isEqualTo("starter");
        });
        assertThat(c.kase.currentStep()).isEqualTo(2);
        TaskView check = c.active().get(0);
        assertThat(check.responsibleActor()).isEqualTo("Staf Kepegawaian");
        assertThat(check.deadline()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(c.permitted(check, "staf")).containsExactly(Action.CLAIM);
        c.act(check.id(), Action.CLAIM, "staf", null, T0);
        assertThat(c.permitted(c.task(check.id()), "staf")).containsExactlyInAnyOrder(Action.RELEASE, Action.APPROVE, Action.RETURN);
        assertThat(c.permitted(c.task(check.id()), "someone-else")).isEmpty();

        // Step 7 is BKD's: Kasubbag Umum hands the file over and receives it back.
        Instant at = T0;
        while (c.kase.currentStep() < 7) {
            TaskView t = c.active().get(0);
            at = at.plusSeconds(60);
            if (t.status() == TaskStatus.OPEN) {
                c.act(t.id(), Action.CLAIM, "u", null, at);
            } else {
                boolean decision = c.sop.step(t.step()).orElseThrow().isDecision();
                c.act(t.id(), decision ? Action.APPROVE : Action.COMPLETE, t.claimedBy(), null, at);
            }
        }
        TaskView bkd = c.active().get(0);
        assertThat(bkd.kind()).isEqualTo(TaskKind.HANDOFF);
        assertThat(bkd.actor()).isEqualTo("BKD");
        assertThat(bkd.responsibleActor()).isEqualTo("Kasubbag Umum");
        c.act(bkd.id(), Action.CLAIM, "kasubbag", null, at);
        assertThat(c.permitted(c.task(bkd.id()), "kasubbag")).containsExactlyInAnyOrder(Action.RELEASE, Action.HAND_OFF);
        c.act(bkd.id(), Action.HAND_OFF, "kasubbag", null, at);
        assertThatThrownBy(() -> c.act(bkd.id(), Action.RECEIVE_BACK, "kasubbag", " ", T0))
                .isInstanceOf(IllegalActionException.class).hasMessageContaining("note is required");
        c.act(bkd.id(), Action.RECEIVE_BACK, "kasubbag", "Surat izin cuti diterima", at);
        assertThat(c.kase.currentStep()).isEqualTo(8);

        // The last step is the pemohon's receipt, recorded by Staf Kepegawaian.
        runToEnd(c, false);
        TaskView last = c.tasks.get(c.tasks.size() - 1);
        assertThat(last.step()).isEqualTo(10);
        assertThat(last.kind()).isEqualTo(TaskKind.PEMOHON);
        assertThat(last.responsibleActor()).isEqualTo("Staf Kepegawaian");
        assertThat(c.kase.status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void aStepOfTwoActorsWaitsForBoth() {
        InMemoryCase c = new InMemoryCase(catalog.get("PRG-01"), engine, "T/PRG-01", false, T0);
        TaskView first = c.active().get(0);
        c.act(first.id(), Action.CLAIM, "staf", null, T0);
        c.act(first.id(), Action.COMPLETE, "staf", null, T0);
        assertThat(c.kase.currentStep()).isEqualTo(2);
        assertThat(c.active()).extracting(TaskView::actor).containsExactly("Sekretaris Dinas", "Kepala Bidang");
        TaskView sekretaris = c.active().get(0);
        c.act(sekretaris.id(), Action.CLAIM, "sekdis", null, T0);
        c.act(sekretaris.id(), Action.COMPLETE, "sekdis", null, T0);
        assertThat(c.kase.currentStep()).isEqualTo(2);
        TaskView kabid = c.active().get(0);
        c.act(kabid.id(), Action.CLAIM, "kabid", null, T0);
        c.act(kabid.id(), Action.COMPLETE, "kabid", null, T0);
        assertThat(c.kase.currentStep()).isEqualTo(3);
    }

    @Test
    void aReturnReopensTheReturnStepInANewRoundWithAReason() {
        InMemoryCase c = new InMemoryCase(catalog.get("UMM-06"), engine, "T/UMM-06", true, T0);
        TaskView check = c.active().get(0);
        c.act(check.id(), Action.CLAIM, "staf", null, T0);
        assertThatThrownBy(() -> c.act(check.id(), Action.RETURN, "staf", "", T0))
                .isInstanceOf(IllegalActionException.class)
                .hasMessageContaining("T/UMM-06").hasMessageContaining("step 2").hasMessageContaining("RETURN");
        c.act(check.id(), Action.RETURN, "staf", "KTP belum dilegalisir", T0);
        assertThat(c.kase.currentStep()).isEqualTo(1);
        assertThat(c.kase.round()).isEqualTo(1);
        assertThat(c.kase.returns()).isEqualTo(1);
        assertThat(c.active()).singleElement().satisfies(t -> {
            assertThat(t.step()).isEqualTo(1);
            assertThat(t.kind()).isEqualTo(TaskKind.PEMOHON);
            assertThat(t.round()).isEqualTo(1);
        });
        assertThat(c.events.get(c.events.size() - 1)).satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.DECISION_RETURNED);
            assertThat(e.fromStep()).isEqualTo(2);
            assertThat(e.toStep()).isEqualTo(1);
            assertThat(e.note()).isEqualTo("KTP belum dilegalisir");
        });
        // The returned task of the old round can no longer be worked.
        assertThatThrownBy(() -> c.act(check.id(), Action.APPROVE, "staf", null, T0))
                .isInstanceOf(IllegalActionException.class).satisfies(e ->
                        assertThat(((IllegalActionException) e).key()).isEqualTo("taskNotActive"));
    }

    @Test
    void illegalActionsNameTheCaseTheStepAndTheAction() {
        InMemoryCase c = new InMemoryCase(catalog.get("KEU-02"), engine, "DKUKM/2026/000042", false, T0);
        TaskView task = c.active().get(0);
        assertThatThrownBy(() -> c.act(task.id(), Action.COMPLETE, "a", null, T0))
                .isInstanceOf(IllegalActionException.class)
                .hasMessage("Case DKUKM/2026/000042, step 1: COMPLETE is not allowed: a plain task that is OPEN does not allow it");
        c.act(task.id(), Action.CLAIM, "a", null, T0);
        assertThatThrownBy(() -> c.act(task.id(), Action.APPROVE, "a", null, T0))
                .isInstanceOf(IllegalActionException.class).hasMessageContaining("APPROVE");
        assertThatThrownBy(() -> c.act(task.id(), Action.COMPLETE, "b", null, T0))
                .isInstanceOf(IllegalActionException.class).hasMessageContaining("claimed by a");
        assertThatThrownBy(() -> c.act(task.id(), Action.CLAIM, "b", null, T0))
                .isInstanceOf(IllegalActionException.class).satisfies(e -> {
                    IllegalActionException illegal = (IllegalActionException) e;
                    assertThat(illegal.caseReference()).isEqualTo("DKUKM/2026/000042");
                    assertThat(illegal.step()).isEqualTo(1);
                    assertThat(illegal.action()).isEqualTo(Action.CLAIM);
                });
        c.cancel("kasubbag", "permohonan ditarik", T0);
        assertThat(c.kase.status()).isEqualTo(CaseStatus.CANCELLED);
        assertThat(c.tasks).allMatch(t -> t.status() == TaskStatus.CANCELLED);
        assertThatThrownBy(() -> c.act(task.id(), Action.COMPLETE, "a", null, T0))
                .isInstanceOf(IllegalActionException.class).hasMessageContaining("CANCELLED");
        assertThatThrownBy(() -> c.cancel("kasubbag", "lagi", T0)).isInstanceOf(IllegalActionException.class);
    }

    @Test
    void aCaseCannotBeCancelledWithoutAReason() {
        InMemoryCase c = new InMemoryCase(catalog.get("KEU-02"), engine, "T/1", false, T0);
        assertThatThrownBy(() -> c.cancel("kasubbag", "  ", T0)).isInstanceOf(IllegalActionException.class)
                .hasMessageContaining("reason");
        assertThat(c.kase.status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void anUnknownTimeGivesNoDeadline() {
        InMemoryCase c = new InMemoryCase(catalog.get("KEU-01"), engine, "T/KEU-01", false, T0);
        TaskView first = c.active().get(0);
        assertThat(first.deadline()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        c.act(first.id(), Action.CLAIM, "b", null, T0);
        c.act(first.id(), Action.COMPLETE, "b", null, T0);
        assertThat(c.active().get(0).deadline()).isNull();
    }

    @Test
    void theTransitionTableDrivesThePermittedActions() {
        for (Transitions.Rule rule : Transitions.RULES) {
            assertThat(rule.from().isFinal()).as(rule.toString()).isFalse();
        }
        Transitions.StepShape handoffDecision = new Transitions.StepShape(TaskKind.HANDOFF, true);
        assertThat(Transitions.permitted(TaskStatus.HANDED_OFF, handoffDecision, "x", "y", true))
                .containsExactlyInAnyOrder(Action.APPROVE, Action.RETURN);
        assertThat(Transitions.permitted(TaskStatus.DONE, handoffDecision, "x", "x", true)).isEmpty();
    }

    @Test
    void aTaskIsTakenOverOnlyFromAClaimerWhoMayNoLongerWorkIt() {
        InMemoryCase c = new InMemoryCase(catalog.get("KEU-02"), engine, "T/2", false, T0);
        TaskView task = c.active().get(0);
        c.act(task.id(), Action.CLAIM, "plh", null, T0);
        TaskView claimed = c.task(task.id());
        assertThat(Engine.permittedActions(c.sop, c.kase, claimed, "holder", true)).isEmpty();
        assertThat(Engine.permittedActions(c.sop, c.kase, claimed, "holder", false)).containsExactly(Action.TAKE_OVER);
        assertThatThrownBy(() -> engine.apply(c.sop, c.kase, c.tasks, task.id(), Action.TAKE_OVER, "holder", null, true, T0))
                .isInstanceOf(IllegalActionException.class).hasMessageContaining("may still work it");
        Outcome taken = engine.apply(c.sop, c.kase, c.tasks, task.id(), Action.TAKE_OVER, "holder", null, false, T0);
        assertThat(taken.changes()).singleElement().satisfies(ch -> {
            assertThat(ch.from()).isEqualTo(TaskStatus.CLAIMED);
            assertThat(ch.to()).isEqualTo(TaskStatus.CLAIMED);
            assertThat(ch.claimedBy()).isEqualTo("holder");
        });
        assertThat(taken.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.TASK_CLAIMED);
            assertThat(e.note()).contains("plh");
        });
    }
}
