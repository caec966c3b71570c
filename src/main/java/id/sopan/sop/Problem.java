package id.sopan.sop;

import java.util.List;

/**
 * Something wrong (or worth a look) in an SOP or in a table being imported. The text comes from the
 * messages bundle by {@code key}, so it reads in the user's language; the location names the file,
 * line, SOP, step and field where they are known.
 */
public record Problem(Severity severity, String key, List<Object> args, Location location) {

    public enum Severity { ERROR, WARNING }

    /** Where a problem sits; any part may be null. */
    public record Location(String file, Integer line, String sop, Integer step, String field) {
        public static final Location NOWHERE = new Location(null, null, null, null, null);

        public Location withFile(String newFile) {
            return new Location(newFile, line, sop, step, field);
        }

        public Location withSop(String newSop) {
            return new Location(file, line, newSop, step, field);
        }
    }

    public Problem {
        args = args == null ? List.of() : List.copyOf(args);
        location = location == null ? Location.NOWHERE : location;
    }

    public static Problem error(Location where, String key, Object... args) {
        return new Problem(Severity.ERROR, key, List.of(args), where);
    }

    public static Problem warning(Location where, String key, Object... args) {
        return new Problem(Severity.WARNING, key, List.of(args), where);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Problem at(Location where) {
        return new Problem(severity, key, args, where);
    }

    /**
     * The problems of {@code more} that do not repeat one of {@code reported}: a field already reported (an
     * unreadable time, a missing title) need not be reported again by a later check of the same step and field.
     */
    public static List<Problem> notAlreadyReported(List<Problem> reported, List<Problem> more) {
        java.util.Set<List<Object>> seen = new java.util.HashSet<>();
        reported.forEach(p -> seen.add(java.util.Arrays.asList(p.location().step(), p.location().field())));
        return more.stream()
                .filter(p -> !seen.contains(java.util.Arrays.asList(p.location().step(), p.location().field())))
                .toList();
    }

    public String render(Messages messages) {
        return messages.render(this);
    }
}
