package id.sopan.api;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * A refusal of the API itself (before any service acts), answered as problem JSON: the status, the message
 * keys of its title and detail, their arguments and extra properties (e.g. {@code field}).
 */
final class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String titleKey;
    private final String detailKey;
    private final transient Object[] args;
    private final transient Map<String, Object> properties;

    private ApiProblem(HttpStatus status, String type, String titleKey, String detailKey, Map<String, Object> properties,
                       Object... args) {
        super(detailKey);
        this.status = status;
        this.type = type;
        this.titleKey = titleKey;
        this.detailKey = detailKey;
        this.properties = properties;
        this.args = args;
    }

    /** A field of the request is missing or wrong: 400 naming the field. The first message argument is the field. */
    static ApiProblem invalid(String field, String key, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = field;
        System.arraycopy(more, 0, args, 1, more.length);
        return new ApiProblem(HttpStatus.BAD_REQUEST, "urn:sopan:problem:invalid-field", "problem.title.badRequest", key,
                Map.of("field", field), args);
    }

    static ApiProblem notFound(String key, Object... args) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "urn:sopan:problem:not-found", "problem.title.notFound", key,
                Map.of(), args);
    }

    static ApiProblem forbidden(String key, Object... args) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "urn:sopan:problem:forbidden", "problem.title.forbidden", key,
                Map.of(), args);
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    String titleKey() {
        return titleKey;
    }

    String detailKey() {
        return detailKey;
    }

    Object[] args() {
        return args;
    }

    Map<String, Object> properties() {
        return properties;
    }
}
