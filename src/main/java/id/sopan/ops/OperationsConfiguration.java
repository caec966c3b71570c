package id.sopan.ops;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The admission gate, first of all filters, and the request log filter, ordered right after Spring Security's filter
 * chain (order -100).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OperationsConfiguration {

    static final int REQUEST_LOG_ORDER = -99;

    /** Before everything else, Spring Security included: its work is part of what the gate shares out. */
    static final int ADMISSION_ORDER = -200;

    @Bean
    FilterRegistrationBean<AdmissionFilter> admissionFilter(
            @Value("${sopan.web.concurrent-requests:8}") int concurrentRequests) {
        FilterRegistrationBean<AdmissionFilter> registration =
                new FilterRegistrationBean<>(new AdmissionFilter(concurrentRequests));
        registration.setOrder(ADMISSION_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilter() {
        FilterRegistrationBean<RequestLogFilter> registration = new FilterRegistrationBean<>(new RequestLogFilter());
        registration.setOrder(REQUEST_LOG_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
