package id.sopan.api;

/** Checks of request fields; each failure is a 400 naming the field. */
final class Fields {

    /** The longest note or reason a case's history keeps. */
    static final int MAX_NOTE = 2000;
    /** The longest Idempotency-Key stored. */
    static final int MAX_IDEMPOTENCY_KEY = 100;

    private Fields() {
    }

    static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid(field, "api.field.required");
        }
        return optional(field, value, maxLength);
    }

    /** The value stripped, null when blank. */
    static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw ApiProblem.invalid(field, "api.field.tooLong", maxLength);
        }
        // Line breaks and tabs are text; other control characters (NUL, escape sequences) are not, and PostgreSQL
        // cannot even store a NUL.
        if (stripped.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c <= 0x9f))) {
            throw ApiProblem.invalid(field, "api.field.control");
        }
        return stripped;
    }

    static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid(field, "api.field.required");
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(field, "api.field.oneOf", names(type));
        }
    }

    static String names(Class<? extends Enum<?>> type) {
        StringBuilder s = new StringBuilder();
        for (Enum<?> c : type.getEnumConstants()) {
            s.append(s.isEmpty() ? "" : ", ").append(c.name());
        }
        return s.toString();
    }

    static String idempotencyKey(String header) {
        return optional("Idempotency-Key", header, MAX_IDEMPOTENCY_KEY);
    }
}
