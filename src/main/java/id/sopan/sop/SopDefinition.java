package id.sopan.sop;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of one SOP: immutable, the single description that the engine, the flowchart, the
 * exports and the validation all read. The graph is the steps in order, plus a "Tidak" edge from each
 * decision back to its return step ({@link #transitions()}).
 *
 * @param code          stable code within the office, e.g. {@code UMM-06}
 * @param title         the SOP's name
 * @param titleInferred true when the source prints no title for this table and it was inferred
 * @param serviceType   jenis pelayanan (Pasal 6)
 * @param notes         how flaws of the source were resolved for the SOP as a whole
 */
public record SopDefinition(
        String code,
        String title,
        boolean titleInferred,
        ServiceType serviceType,
        SopIdentity identity,
        ServiceStandard serviceStandard,
        List<Actor> actors,
        List<Step> steps,
        List<String> notes) {

    public SopDefinition {
        Objects.requireNonNull(code, "code");
        identity = identity == null ? SopIdentity.EMPTY : identity;
        serviceStandard = serviceStandard == null ? ServiceStandard.EMPTY : serviceStandard;
        actors = actors == null ? List.of() : List.copyOf(actors);
        steps = steps == null ? List.of() : List.copyOf(steps);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public Optional<Step> step(int number) {
        return steps.stream().filter(s -> s.number() == number).findFirst();
    }

    public Optional<Actor> actor(String name) {
        return actors.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public Step firstStep() {
        return steps.get(0);
    }

    public Step lastStep() {
        return steps.get(steps.size() - 1);
    }

    /** The step after {@code number} in the table, if any. */
    public Optional<Step> next(int number) {
        for (int i = 0; i < steps.size() - 1; i++) {
            if (steps.get(i).number() == number) {
                return Optional.of(steps.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** Every edge of the flow: each step to the next (Ya for a decision), and each decision's Tidak edge. */
    public List<Transition> transitions() {
        List<Transition> edges = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (i + 1 < steps.size()) {
                edges.add(new Transition(step.number(), steps.get(i + 1).number(),
                        step.isDecision() ? Transition.Kind.YES : Transition.Kind.NEXT));
            }
            if (step.isDecision()) {
                edges.add(new Transition(step.number(), step.decision().returnsTo(), Transition.Kind.NO));
            }
        }
        return edges;
    }

    /** The sum of the steps' times along the straight path, unit by unit. */
    public TotalTime totalTime() {
        return TotalTime.of(steps.stream().map(Step::waktu).toList());
    }

    public SopDefinition withCode(String newCode) {
        return new SopDefinition(newCode, title, titleInferred, serviceType, identity, serviceStandard, actors, steps, notes);
    }
}
