package io.throughline.tracking.internal;

import io.throughline.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write-key door of the api-overhead benchmark's trivial endpoint under {@code /v1}: the write key checked
 * as collection checks it (HTTP Basic user name, the same in-memory look-up), before the platform's shared
 * trivial handler answers. Only with {@code throughline.bench.ping-endpoints=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("throughline.bench.ping-endpoints")
class BenchWriteKeyDoor {

    private static final String PATH = "/v1/bench/ping";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> benchWriteKeyFilter(JdbcSources sources, JsonMapper json) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                String writeKey = CollectionController.basicUser(request);
                if (writeKey != null && sources.authenticate(writeKey).isPresent()) {
                    chain.doFilter(request, response);
                    return;
                }
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
                        "Unauthorized", "A valid write key is required, as the HTTP Basic user name"));
            }
        });
        registration.addUrlPatterns(PATH);
        return registration;
    }
}
