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
import org.springframework.security.web.SecurityFilterChain;
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
     * The actuator (also on a separate {@code management.server.port}): health public, its details and the
     * components only for administrators (application.properties); metrics and Prometheus only for
     * {@code ROLE_ADMIN}, by stateless HTTP Basic. Endpoints not exposed are not matched here.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http, AuthenticationManager sopanAuthentication,
                                      ProblemResponses problems) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authenticationManager(sopanAuthentication)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .anyRequest().hasAuthority(Roles.ADMIN))
                .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .csrf(c -> c.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager sopanAuthentication,
                                 ProblemResponses problems) throws Exception {
        return http.securityMatcher("/api/**")
                .authenticationManager(sopanAuthentication)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/catalog", "/api/catalog/**").permitAll()
                        .anyRequest().hasAuthority(Roles.USER))
                .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                // Stateless Basic authentication: no session cookie a forged request could ride on.
                .csrf(c -> c.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager sopanAuthentication) throws Exception {
        return http
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
