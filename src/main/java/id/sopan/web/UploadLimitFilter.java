package id.sopan.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An upload on a case page larger than the servlet's multipart limit never reaches a controller: the first read of
 * a request parameter (the CSRF check) makes the container refuse it with its own bare 413 page. So such a request,
 * known by its Content-Length, is answered before anything reads it: a redirect (303) to the case page, which says
 * that the file is too large next to the file field. Runs before Spring Security; the case page checks who may see it.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimitFilter {

    /** The form's address: {@code /kasus/{id}/lampiran}. */
    static final Pattern UPLOAD = Pattern.compile("/kasus/(\\d{1,18})/lampiran");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadLimit(
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new TooLarge(maxFileSize.toBytes()));
        registration.addUrlPatterns("/kasus/*");
        // Before Spring Security's filter chain (-100), whose CSRF check reads the parameters.
        registration.setOrder(-110);
        return registration;
    }

    static final class TooLarge extends OncePerRequestFilter {
        private final long maxBytes;

        TooLarge(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            Matcher upload = UPLOAD.matcher(path);
            if ("POST".equals(request.getMethod()) && upload.matches() && request.getContentLengthLong() > maxBytes) {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", request.getContextPath() + "/kasus/" + upload.group(1)
                        + "?lampiran=terlalu-besar#lampiran");
                response.setHeader("Connection", "close");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
