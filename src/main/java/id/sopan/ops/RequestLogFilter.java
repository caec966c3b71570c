package id.sopan.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Puts a request id ({@code X-Request-Id} when the caller or a proxy sent a sane one, else a new one; echoed in the
 * answer) and the signed-in user in the MDC for the rest of the request, and takes them out afterwards. Runs just
 * after Spring Security's filters, so the user is known.
 */
class RequestLogFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String REQUEST_ID = "requestId";
    static final String USERNAME = "username";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * A random (version 4) UUID from the thread's own generator: an id to find a request's log lines by needs no
     * secrecy, and {@link UUID#randomUUID()} makes every request wait in turn for the JDK's one shared secure source.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // the IETF variant
        return new UUID(high, low).toString();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String> before = MDC.getCopyOfContextMap();
        String given = request.getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : newId();
        MDC.put(REQUEST_ID, id);
        response.setHeader(HEADER, id);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            MDC.put(USERNAME, auth.getName());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }
}
