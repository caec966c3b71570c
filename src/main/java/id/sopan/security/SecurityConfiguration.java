package id.sopan.security;

import id.sopan.organization.OrganizationService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.config.Customizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.savedrequest.NullRequestCache;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains. {@code /api/**}: stateless HTTP Basic, no session and no cookies, hence no CSRF; a
 * missing or wrong sign-in is 401, a missing role 403, both as problem JSON; reading the catalog is public
 * like its pages. Everything else: the web application with form login at {@code /login}, CSRF protection
 * and logout; the catalog pages, the tracking pages ({@code /lacak}), the OpenAPI document and Swagger UI
 * are public. Who may work which task is decided by casework (by jabatan), not here.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /**
     * The pages' Content-Security-Policy: scripts, styles, fonts and requests from Sopan itself only, no inline script
     * or style (the templates have none, htmx is told not to add its indicator style), no plugins, no framing.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** Swagger UI (a third-party page, public) sets inline style attributes: only its pages allow them. */
    static final String SWAGGER_POLICY = PAGE_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    /** The API answers JSON and files, nothing a browser should run or frame. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String REFERRER_POLICY = "same-origin";

    /**
     * The headers of every answer, beside Spring Security's defaults (X-Content-Type-Options nosniff,
     * {@code Cache-Control: no-cache, no-store, max-age=0, must-revalidate}, X-Frame-Options): DENY framing, the
     * policy, the referrer only to Sopan itself.
     */
    private static void headers(HttpSecurity http, HeaderWriter policy) throws Exception {
        http.headers(h -> h
                .frameOptions(f -> f.deny())
                .contentTypeOptions(Customizer.withDefaults())
                .cacheControl(Customizer.withDefaults())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(policy));
    }

    private static HeaderWriter pagePolicy() {
        RequestMatcher swagger = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));
        return (request, response) -> {
            if (!response.containsHeader(CSP)) {
                response.setHeader(CSP, swagger.matches(request) ? SWAGGER_POLICY : PAGE_POLICY);
            }
        };
    }

    private static final String CSP = "Content-Security-Policy";

    /**
     * The actuator (also on a separate {@code management.server.port}): health public, its details and the
     * components only for administrators (application.properties); metrics and Prometheus only for
     * {@code ROLE_ADMIN}, by stateless HTTP Basic. Endpoints not exposed are not matched here.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http, AuthenticationManager sopanAuthentication,
                                      ProblemResponses problems) throws Exception {
        return statelessBasic(http.securityMatcher(EndpointRequest.toAnyEndpoint()), sopanAuthentication, problems)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .anyRequest().hasAuthority(Roles.ADMIN))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager sopanAuthentication,
                                 ProblemResponses problems) throws Exception {
        return statelessBasic(http.securityMatcher("/api/**"), sopanAuthentication, problems)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/catalog", "/api/catalog/**").permitAll()
                        .anyRequest().hasAuthority(Roles.USER))
                .build();
    }

    /**
     * The API's and the actuator's frame: HTTP Basic answered with problem JSON, no session, no saved requests, the
     * API's headers. No CSRF: stateless Basic authentication leaves no session cookie a forged request could ride on.
     */
    private static HttpSecurity statelessBasic(HttpSecurity http, AuthenticationManager sopanAuthentication,
                                               ProblemResponses problems) throws Exception {
        headers(http, new StaticHeadersWriter(CSP, API_POLICY));
        return http.authenticationManager(sopanAuthentication)
                .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .csrf(c -> c.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable());
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager sopanAuthentication) throws Exception {
        headers(http, pagePolicy());
        // Spring Security's default handler (each page gets the token masked afresh, against BREACH), with a random
        // source that requests do not queue for.
        XorCsrfTokenRequestAttributeHandler csrfTokens = new XorCsrfTokenRequestAttributeHandler();
        csrfTokens.setSecureRandom(new PerThreadSecureRandom());
        return http
                .csrf(c -> c.csrfTokenRequestHandler(csrfTokens))
                .authenticationManager(sopanAuthentication)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/katalog", "/katalog/**", "/css/**", "/js/**", "/webjars/**", "/login", "/lacak", "/lacak/**",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error",
                                "/favicon.ico").permitAll()
                        // Pengesahan and pencabutan of an SOP are the Kepala's; reading the SOP versions is open to
                        // the Kepala too; the rest of the administration is the administrators'.
                        .requestMatchers(HttpMethod.POST, "/admin/sop/*/*/sahkan", "/admin/sop/*/*/cabut")
                        .hasAuthority(Roles.KEPALA)
                        .requestMatchers(HttpMethod.GET, "/admin/sop", "/admin/sop/*/*")
                        .hasAnyAuthority(Roles.ADMIN, Roles.KEPALA)
                        .requestMatchers("/admin", "/admin/**").hasAuthority(Roles.ADMIN)
                        .requestMatchers("/dasbor", "/dasbor/**").hasAnyAuthority(Roles.KEPALA, Roles.ADMIN)
                        // Monitoring, evaluation and the six-monthly report; who may change what is checked per page.
                        .requestMatchers("/laporan", "/laporan/**")
                        .hasAnyAuthority(Roles.KEPALA, Roles.EVALUATOR, Roles.ADMIN)
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll()
                        // A locked account is told so; any other failure gets the same neutral message.
                        .failureHandler((request, response, exception) -> response.sendRedirect(request.getContextPath()
                                + (exception instanceof org.springframework.security.authentication.LockedException
                                ? "/login?locked" : "/login?error"))))
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
                .build();
    }

    /** The one way to sign in, used by both chains: the organization's users and BCrypt passwords. */
    @Bean
    AuthenticationManager sopanAuthentication(OrganizationService organization, UserDetailsService users,
                                              LoginAttempts attempts) {
        ProviderManager manager = new ProviderManager(new OrganizationAuthenticationProvider(organization, users, attempts));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    ProblemResponses apiSecurityProblems(MessageSource messages, JsonMapper json) {
        return new ProblemResponses(messages, json);
    }
}
