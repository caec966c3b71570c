package id.sopan.engine;

import id.sopan.sop.SopDefinition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A case kept in memory: applies the engine's outcomes the way the database layer does. */
final class InMemoryCase {

    final SopDefinition sop;
    final Engine engine;
    CaseView kase;
    final List<TaskView> tasks = new ArrayList<>();
    final List<Outcome.CaseEvent> events = new ArrayList<>();
    private long nextId = 1;

    InMemoryCase(SopDefinition sop, Engine engine, String reference, boolean submittedByPemohon, Instant at) {
        this.sop = sop;
        this.engine = engine;
        store(engine.start(sop, reference, "starter", submittedByPemohon, at));
    }

    void act(long taskId, Action action, String user, String note, Instant at) {
        store(engine.apply(sop, kase, List.copyOf(tasks), taskId, action, user, note, at));
    }

    void cancel(String user, String reason, Instant at) {
        store(engine.cancel(kase, List.copyOf(tasks), user, reason, at));
    }

    List<TaskView> active() {
        return tasks.stream().filter(t -> t.step() == kase.currentStep() && t.round() == kase.round()
                && !t.status().isFinal()).toList();
    }

    Set<Action> permitted(TaskView task, String user) {
        return Engine.permittedActions(sop, kase, task, user);
    }

    TaskView task(long id) {
        return tasks.stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    private void store(Outcome outcome) {
        kase = outcome.kase();
        for (Outcome.TaskChange change : outcome.changes()) {
            for (int i = 0; i < tasks.size(); i++) {
                if (tasks.get(i).id() == change.taskId()) {
                    if (tasks.get(i).status() != change.from()) {
                        throw new IllegalStateException("lost update on task " + change.taskId());
                    }
                    tasks.set(i, tasks.get(i).withStatus(change.to(), change.claimedBy()));
                }
            }
        }
        for (Outcome.NewTask t : outcome.created()) {
            tasks.add(new TaskView(nextId++, t.step(), t.round(), t.actor(), t.responsibleActor(), t.kind(), t.status(),
                    t.doneBy(), t.startedAt(), t.deadline()));
        }
        events.addAll(outcome.events());
    }
}
