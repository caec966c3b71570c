package id.sopan.api;

import id.sopan.casework.AttachmentService;
import id.sopan.casework.CaseConflictException;
import id.sopan.casework.NoSuchCaseException;
import id.sopan.casework.NotAllowedException;
import id.sopan.engine.IllegalActionException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.core.JacksonException;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every error of the API as RFC 9457 problem JSON ({@link ProblemDetail}): a {@code type}, a {@code title} and
 * a {@code detail} in the language of {@code Accept-Language} (Bahasa Indonesia by default, English), and
 * extra properties: {@code field} for a bad field; {@code case}, {@code step} and {@code action} for an
 * action the engine refuses. It answers every request under {@code /api}, also those no controller takes (an
 * unknown path, a wrong method); for any other path it rethrows, so the web pages keep their error pages.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final MessageSource messages;
    private final AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();

    private final long maxUploadBytes;

    ApiExceptionHandler(MessageSource messages,
                        @org.springframework.beans.factory.annotation.Value("${sopan.attachments.max-bytes:10485760}")
                        long maxUploadBytes) {
        this.messages = messages;
        this.maxUploadBytes = maxUploadBytes;
        locales.setSupportedLocales(List.of(INDONESIAN, Locale.ENGLISH));
        locales.setDefaultLocale(INDONESIAN);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e, HttpServletRequest request) throws Exception {
        requireApi(request, e);
        return problem(request, e.status(), e.type(), e.titleKey(), e.detailKey(), e.properties(), e.args());
    }

    @ExceptionHandler(IllegalActionException.class)
    ResponseEntity<ProblemDetail> illegalAction(IllegalActionException e, HttpServletRequest request) throws Exception {
        requireApi(request, e);
        Object[] args = e.args().stream().map(a -> a == null ? "-" : a).toArray();
        return problem(request, HttpStatus.CONFLICT, "urn:sopan:problem:illegal-action", "problem.title.illegalAction",
                "engine.illegal." + e.key(), Map.of("case", e.caseReference(), "step", e.step(),
                        "action", e.action() == null ? "CANCEL" : e.action().name()), args);
    }

    @ExceptionHandler(CaseConflictException.class)
    ResponseEntity<ProblemDetail> conflict(CaseConflictException e, HttpServletRequest request) throws Exception {
        requireApi(request, e);
        return problem(request, HttpStatus.CONFLICT, "urn:sopan:problem:conflict", "problem.title.conflict",
                "api.conflict", Map.of());
    }

    @ExceptionHandler(AttachmentService.RefusedException.class)
    ResponseEntity<ProblemDetail> refusedFile(AttachmentService.RefusedException e, HttpServletRequest request)
            throws Exception {
        requireApi(request, e);
        return problem(request, HttpStatus.BAD_REQUEST, "urn:sopan:problem:invalid-field", "problem.title.badRequest",
                e.key(), Map.of("field", e.field()), e.args().toArray());
    }

    @ExceptionHandler(NotAllowedException.class)
    ResponseEntity<ProblemDetail> notAllowed(NotAllowedException e, HttpServletRequest request) throws Exception {
        requireApi(request, e);
        return problem(request, HttpStatus.FORBIDDEN, "urn:sopan:problem:forbidden", "problem.title.forbidden",
                "api.notAllowed", Map.of());
    }

    @ExceptionHandler(NoSuchCaseException.class)
    ResponseEntity<ProblemDetail> noSuchCase(NoSuchCaseException e, HttpServletRequest request) throws Exception {
        requireApi(request, e);
        return problem(request, HttpStatus.NOT_FOUND, "urn:sopan:problem:not-found", "problem.title.notFound",
                "api.noSuchCase", Map.of());
    }

    /** Not JSON, a value of the wrong type, or no body at all. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request)
            throws Exception {
        requireApi(request, e);
        String field = fieldOf(e);
        if (field != null) {
            return problem(request, HttpStatus.BAD_REQUEST, "urn:sopan:problem:invalid-field", "problem.title.badRequest",
                    "api.badJson.field", Map.of("field", field), field);
        }
        boolean empty = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing");
        return problem(request, HttpStatus.BAD_REQUEST, "urn:sopan:problem:unreadable", "problem.title.badRequest",
                empty ? "api.missingBody" : "api.badJson", Map.of());
    }

    /** A path variable or parameter that does not convert, e.g. {@code /api/tasks/abc/claim}. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request)
            throws Exception {
        requireApi(request, e);
        return problem(request, HttpStatus.BAD_REQUEST, "urn:sopan:problem:invalid-field", "problem.title.badRequest",
                "api.typeMismatch", Map.of("field", e.getName()), e.getName(), String.valueOf(e.getValue()));
    }

    @ExceptionHandler(MissingRequestValueException.class)
    ResponseEntity<ProblemDetail> missingValue(MissingRequestValueException e, HttpServletRequest request)
            throws Exception {
        requireApi(request, e);
        String name = e instanceof org.springframework.web.bind.MissingServletRequestParameterException p
                ? p.getParameterName() : "?";
        return problem(request, HttpStatus.BAD_REQUEST, "urn:sopan:problem:invalid-field", "problem.title.badRequest",
                "api.missingParameter", Map.of("field", name), name);
    }

    /**
     * A header or parameter the firewall refuses when the controller reads it (a control character in
     * {@code Idempotency-Key}, say): the client's mistake, so a 400 naming the header.
     */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(org.springframework.security.web.firewall.RequestRejectedException e,
                                           HttpServletRequest request) throws Exception {
        requireApi(request, e);
        java.util.regex.Matcher header = java.util.regex.Pattern.compile("header: \"([^\"]{1,100})\"")
                .matcher(String.valueOf(e.getMessage()));
        String field = header.find() ? header.group(1).strip() : "request";
        return problem(request, HttpStatus.BAD_REQUEST, "urn:sopan:problem:invalid-field", "problem.title.badRequest",
                "api.field.control", Map.of("field", field), field);
    }

    /** An upload beyond the servlet's multipart limit: 413 naming the field, before any byte is kept. */
    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e,
                                           HttpServletRequest request) throws Exception {
        requireApi(request, e);
        return problem(request, HttpStatus.CONTENT_TOO_LARGE, "urn:sopan:problem:invalid-field",
                "problem.title.badRequest", "api.upload.tooLarge", Map.of("field", "file"),
                maxUploadBytes / (1024 * 1024));
    }

    /** A multipart body that cannot be read (cut off, no boundary), or without its file part. */
    @ExceptionHandler({org.springframework.web.multipart.MultipartException.class,
            org.springframework.web.multipart.support.MissingServletRequestPartException.class})
    ResponseEntity<ProblemDetail> badMultipart(Exception e, HttpServletRequest request) throws Exception {
        requireApi(request, e);
        String field = e instanceof org.springframework.web.multipart.support.MissingServletRequestPartException m
                ? m.getRequestPartName() : "file";
        return problem(request, HttpStatus.BAD_REQUEST, "urn:sopan:problem:invalid-field", "problem.title.badRequest",
                "api.upload.unreadable", Map.of("field", field), field);
    }

    /** Spring MVC's own refusals (wrong method, wrong media type...): their status, our words. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) throws Exception {
        requireApi(request, e);
        // The container's multipart parser refusing the body when something (the ?lang interceptor) reads a parameter
        // before the controller does: the same answers as Spring's own multipart exceptions.
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.endsWith("SizeLimitExceededException")) {
                return problem(request, HttpStatus.CONTENT_TOO_LARGE, "urn:sopan:problem:invalid-field",
                        "problem.title.badRequest", "api.upload.tooLarge", Map.of("field", "file"),
                        maxUploadBytes / (1024 * 1024));
            }
            if (name.startsWith("org.apache.tomcat.util.http.fileupload.")) {
                return problem(request, HttpStatus.BAD_REQUEST, "urn:sopan:problem:invalid-field",
                        "problem.title.badRequest", "api.upload.unreadable", Map.of("field", "file"), "file");
            }
        }
        if (e instanceof ErrorResponse response) {
            HttpStatusCode status = response.getStatusCode();
            String title = status.value() == 404 ? "problem.title.notFound"
                    : status.is4xxClientError() ? "problem.title.other" : "problem.title.server";
            ResponseEntity<ProblemDetail> answer = problem(request, status, "about:blank", title, "api.status", Map.of(),
                    status.value());
            // Keep what the refusal says in headers, e.g. Allow for a wrong method.
            HttpHeaders headers = new HttpHeaders();
            headers.addAll(answer.getHeaders());
            headers.addAll(response.getHeaders());
            return new ResponseEntity<>(answer.getBody(), headers, status);
        }
        log.error("Unexpected error answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "about:blank", "problem.title.server", "api.server",
                Map.of());
    }

    /** Leaves errors outside the API to Spring's other resolvers (error pages): a rethrow of the same exception. */
    private static void requireApi(HttpServletRequest request, Exception e) throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            throw e;
        }
    }

    private ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatusCode status, String type,
                                                  String titleKey, String detailKey, Map<String, Object> properties,
                                                  Object... args) {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, messages.getMessage(detailKey, args, locale));
        body.setType(URI.create(type));
        body.setTitle(messages.getMessage(titleKey, null, locale));
        body.setInstance(URI.create(request.getRequestURI()));
        properties.forEach(body::setProperty);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .body(body);
    }

    /** The JSON path of the value Jackson could not bind, e.g. {@code pemohon.kind} or {@code fulfilled[0]}; null if none. */
    private static String fieldOf(HttpMessageNotReadableException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference r : j.getPath()) {
                    if (r.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
                    } else if (r.getIndex() >= 0) {
                        path.append('[').append(r.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }
}
