package id.sopan.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * Lets at most {@code permits} requests work at once and the others wait their turn, first come first served.
 * Tomcat alone is not fair under load: a request thread that has just answered a kept-alive connection reads that
 * connection's next request at once when it has already arrived, ahead of the connections queued before it, so some
 * connections are served again and again while others wait (docs/benchmarks.md, section 3).
 */
class AdmissionFilter extends OncePerRequestFilter {

    private final Semaphore permits;

    AdmissionFilter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("sopan.web.concurrent-requests must be at least 1, not " + permits);
        }
        this.permits = new Semaphore(permits, true);
    }

    /** Requests waiting for their turn now. */
    int waiting() {
        return permits.getQueueLength();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}
