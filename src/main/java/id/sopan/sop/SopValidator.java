package id.sopan.sop;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every SOP version must meet before it is stored as berlaku or drives a case. Each problem
 * names the SOP, the step and the field.
 */
public final class SopValidator {

    public static final Pattern CODE = Pattern.compile("^[A-Z]{2,5}-\\d{2,3}$");

    private SopValidator() {
    }

    public static List<Problem> validate(SopDefinition sop) {
        List<Problem> problems = new ArrayList<>();
        String code = sop.code();
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(Problem.error(at(code, null, "code"), "validation.code.format", code));
        }
        if (blank(sop.title())) {
            problems.add(Problem.error(at(code, null, "title"), "validation.required"));
        }
        if (sop.serviceType() == null) {
            problems.add(Problem.error(at(code, null, "serviceType"), "validation.required"));
        }
        checkActors(sop, problems);
        checkSteps(sop, problems);
        return problems;
    }

    private static void checkActors(SopDefinition sop, List<Problem> problems) {
        Set<String> names = new HashSet<>();
        for (Actor actor : sop.actors()) {
            if (blank(actor.name())) {
                problems.add(Problem.error(at(sop.code(), null, "actors"), "validation.actor.blank"));
            } else if (!names.add(actor.name())) {
                problems.add(Problem.error(at(sop.code(), null, "actors"), "validation.actor.duplicate", actor.name()));
            }
        }
        if (sop.actors().isEmpty()) {
            problems.add(Problem.error(at(sop.code(), null, "actors"), "validation.actors.none"));
        }
        Set<String> used = new HashSet<>();
        sop.steps().forEach(s -> used.addAll(s.actors()));
        for (Actor actor : sop.actors()) {
            if (!used.contains(actor.name())) {
                problems.add(Problem.error(at(sop.code(), null, "actors"), "validation.actor.unused", actor.name()));
            }
        }
    }

    private static void checkSteps(SopDefinition sop, List<Problem> problems) {
        String code = sop.code();
        List<Step> steps = sop.steps();
        if (steps.size() < 2) {
            problems.add(Problem.error(at(code, null, "steps"), "validation.steps.tooFew", steps.size()));
        }
        Set<String> actorNames = new HashSet<>();
        sop.actors().forEach(a -> actorNames.add(a.name()));
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            int expected = i + 1;
            if (step.number() != expected) {
                problems.add(Problem.error(at(code, step.number(), "number"), "validation.step.numbering",
                        step.number(), expected));
            }
            if (blank(step.kegiatan())) {
                problems.add(Problem.error(at(code, step.number(), "kegiatan"), "validation.required"));
            }
            if (step.actors().isEmpty()) {
                problems.add(Problem.error(at(code, step.number(), "actors"), "validation.step.noActor"));
            }
            for (String actor : step.actors()) {
                if (!actorNames.contains(actor)) {
                    problems.add(Problem.error(at(code, step.number(), "actors"), "validation.step.unknownActor", actor));
                }
            }
            if (step.actors().size() != new HashSet<>(step.actors()).size()) {
                problems.add(Problem.error(at(code, step.number(), "actors"), "validation.step.repeatedActor"));
            }
            checkTime(code, step, problems);
            if (step.decision() != null) {
                int target = step.decision().returnsTo();
                if (target >= step.number()) {
                    problems.add(Problem.error(at(code, step.number(), "decision"), "validation.decision.notEarlier", target));
                } else if (sop.step(target).isEmpty()) {
                    problems.add(Problem.error(at(code, step.number(), "decision"), "validation.decision.noTarget", target));
                }
                if (i == steps.size() - 1) {
                    problems.add(Problem.error(at(code, step.number(), "decision"), "validation.decision.last"));
                }
            }
        }
    }

    private static void checkTime(String code, Step step, List<Problem> problems) {
        StandardTime t = step.waktu();
        if (t.unit() == TimeUnit.UNKNOWN) {
            if (step.notes().isEmpty()) {
                problems.add(Problem.error(at(code, step.number(), "waktu"), "validation.time.unknownWithoutNote"));
            }
        } else if (t.amount() <= 0) {
            problems.add(Problem.error(at(code, step.number(), "waktu"), "validation.time.notPositive", t.amount()));
        } else if (!t.isWithinLimits()) {
            problems.add(Problem.error(at(code, step.number(), "waktu"), "validation.time.tooLong", t.display(),
                    t.limit()));
        }
    }

    private static Problem.Location at(String sop, Integer step, String field) {
        return new Problem.Location(null, null, sop, step, field);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
