package id.sopan.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The API's answers when the security filters refuse a request, as RFC 9457 problem JSON in the language
 * of {@code Accept-Language} (Bahasa Indonesia by default): 401 with a Basic challenge for a missing or
 * wrong sign-in, 403 for a missing role.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Sopan";

    private final MessageSource messages;
    private final JsonMapper json;
    private final AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();

    ProblemResponses(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
        locales.setSupportedLocales(List.of(Locale.forLanguageTag("id"), Locale.ENGLISH));
        locales.setDefaultLocale(Locale.forLanguageTag("id"));
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean rejected = e instanceof BadCredentialsException || e instanceof DisabledException;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "urn:sopan:problem:unauthorized", "problem.title.unauthorized",
                rejected ? "api.auth.badCredentials" : "api.auth.required");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "urn:sopan:problem:forbidden", "problem.title.forbidden",
                "api.auth.forbidden");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                       String titleKey, String detailKey) throws IOException {
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", messages.getMessage(titleKey, null, locale));
        body.put("status", status.value());
        body.put("detail", messages.getMessage(detailKey, null, locale));
        body.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        json.writeValue(response.getOutputStream(), body);
    }
}
