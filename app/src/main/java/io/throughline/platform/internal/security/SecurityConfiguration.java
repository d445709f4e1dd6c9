package io.throughline.platform.internal.security;

import io.throughline.platform.internal.web.BenchPingController;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deny by default, in two chains: the management API and actuator take bearer tokens and keep no session;
 * the console signs staff in with a form, a session and CSRF protection. Anything not named as public
 * needs a signed-in member of staff.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@org.springframework.boot.context.properties.EnableConfigurationProperties(SignInProperties.class)
class SecurityConfiguration {

    /** The sign-in page tells apart a throttled attempt from a wrong password. */
    private static final SimpleUrlAuthenticationFailureHandler SIGN_IN_FAILED =
            new SimpleUrlAuthenticationFailureHandler("/sign-in?error") {
                @Override
                public void onAuthenticationFailure(jakarta.servlet.http.HttpServletRequest request,
                        jakarta.servlet.http.HttpServletResponse response,
                        org.springframework.security.core.AuthenticationException exception)
                        throws java.io.IOException, jakarta.servlet.ServletException {
                    if (exception instanceof ThrottledSignInProvider.SignInThrottledException) {
                        getRedirectStrategy().sendRedirect(request, response, "/sign-in?throttled");
                    } else {
                        super.onAuthenticationFailure(request, response, exception);
                    }
                }
            };

    /** Endpoints refuse a role they do not admit before reading the request (see {@link EndpointAuthorization}). */
    @Bean
    org.springframework.web.servlet.config.annotation.WebMvcConfigurer authorizeBeforeBinding(
            org.springframework.beans.factory.ObjectProvider<EndpointAuthorization> authorization) {
        return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
            @Override
            public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
                registry.addInterceptor(new org.springframework.web.servlet.HandlerInterceptor() {
                    @Override
                    public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                            jakarta.servlet.http.HttpServletResponse response, Object handler) {
                        return authorization.getObject().preHandle(request, response, handler);
                    }
                });
            }
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SignInThrottle signInThrottle(SignInProperties properties, Clock clock) {
        return new SignInThrottle(properties.failuresPerAccountAndAddress(), properties.failuresPerAddress(),
                properties.window(), clock);
    }

    /**
     * Event collection authenticates each request by the source's write key, which the collection endpoint
     * checks itself; no session, no CSRF (the callers are SDKs, not browsers with cookies).
     */
    @Bean
    @Order(0)
    SecurityFilterChain collectionChain(HttpSecurity http) {
        http.securityMatcher("/v1/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .cors(cors -> cors.configurationSource(request -> collectionCors()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable())
                // Nobody signs in here, so there is no one to sign out or to show as the request's principal.
                .logout(logout -> logout.disable())
                .servletApi(servletApi -> servletApi.disable());
        return http.build();
    }

    /**
     * Web pages on the brand's own sites post events from the shopper's browser, so any origin may call
     * collection; a write key is public in a browser anyway, and grants nothing but sending events.
     */
    private static CorsConfiguration collectionCors() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOriginPattern("*");
        cors.setAllowedMethods(List.of("POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Content-Encoding"));
        cors.setMaxAge(Duration.ofDays(1));
        return cors;
    }

    /**
     * The public links in sent messages (open pixel, tracked links, one-click unsubscribe): their signed tokens
     * are all the authentication they take, and the RFC 8058 unsubscribe POST comes from mail providers, which
     * send no CSRF token.
     */
    @Bean
    @Order(0)
    SecurityFilterChain messageLinksChain(HttpSecurity http) {
        http.securityMatcher("/m/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable())
                // Nobody signs in here, so there is no one to sign out or to show as the request's principal.
                .logout(logout -> logout.disable())
                .servletApi(servletApi -> servletApi.disable());
        return http.build();
    }

    /**
     * The api-overhead benchmark's bare door: no filter of any chain runs for it, so that it measures plain
     * Spring MVC. Exists only while the benchmark's endpoints are switched on.
     */
    @Bean
    @ConditionalOnBooleanProperty(BenchPingController.PROPERTY)
    WebSecurityCustomizer benchBareDoor() {
        return web -> web.ignoring().requestMatchers(HttpMethod.GET, BenchPingController.BARE);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, JdbcStaffAccounts staffAccounts, JsonMapper json) {
        var problems = new ProblemSecurityResponses(json);
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        // The async dispatch that ends a stream (server-sent events) belongs to a request that
                        // was authorized when it began; the token filter does not run again for it.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .addFilterBefore(new ApiTokenAuthenticationFilter(staffAccounts), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                // Tokens are not signed out of; revoking one is an API call.
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()));
        return http.build();
    }

    /**
     * The only way to sign in with a password. Being the application's one authentication manager, it has no
     * parent that could accept a password the throttle has just refused.
     */
    @Bean
    AuthenticationManager staffSignIn(JdbcStaffAccounts staffAccounts, PasswordEncoder passwordEncoder,
            SignInThrottle throttle) {
        var passwords = new DaoAuthenticationProvider(staffAccounts);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new ThrottledSignInProvider(passwords, throttle));
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http, AuthenticationManager staffSignIn,
            JdbcStaffAccounts staffAccounts, SignInProperties signIn) {
        var clientAddress = new ClientAddress(signIn.trustedProxies());
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/sign-in", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/error", "/problems/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .anyRequest().authenticated())
                .authenticationManager(staffSignIn)
                .formLogin(form -> form
                        .loginPage("/sign-in")
                        .loginProcessingUrl("/sign-in")
                        .usernameParameter("email")
                        // The throttle counts failures by the client's address, read through trusted proxies only.
                        .authenticationDetailsSource(request -> new WebAuthenticationDetails(clientAddress.of(request),
                                request.getSession(false) == null ? null : request.getSession(false).getId()))
                        .defaultSuccessUrl("/", false)
                        .failureHandler(SIGN_IN_FAILED))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .httpBasic(basic -> basic.disable())
                .addFilterAfter(new EndedSessionFilter(staffAccounts), SecurityContextHolderFilter.class);
        return http.build();
    }
}
