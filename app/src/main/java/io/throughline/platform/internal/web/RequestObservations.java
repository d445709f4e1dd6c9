package io.throughline.platform.internal.web;

import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Which requests are observed. Observing a request (a timer per request, a span per security filter,
 * authentication and authorization decision) cost about as much CPU as a small API call's own work, so the
 * machine-facing paths ({@code /api}, {@code /v1}) and Spring Security's observations are off unless
 * {@code throughline.observability.api-requests} turns them on; the console and actuator stay observed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestObservations.Settings.class)
class RequestObservations {

    /** The name of the observation that {@code http.server.requests} metrics and server spans come from. */
    private static final String SERVER_REQUESTS = "http.server.requests";

    /**
     * @param apiRequests observe {@code /api} and {@code /v1} requests and Spring Security's filters, sign-ins
     *                    and authorization decisions ({@code THROUGHLINE_OBSERVABILITY_API_REQUESTS=true})
     */
    @ConfigurationProperties("throughline.observability")
    record Settings(boolean apiRequests) {}

    @Bean
    ObservationPredicate machineRequestsUnobserved(Settings settings) {
        return (name, context) -> {
            if (!SERVER_REQUESTS.equals(name) || !(context instanceof ServerRequestObservationContext server)) {
                return true;
            }
            String path = pathOf(server.getCarrier());
            if (path.startsWith(BenchPingController.BARE)) {
                return false;
            }
            return settings.apiRequests() || !(path.startsWith("/api/") || path.startsWith("/v1/"));
        };
    }

    /** Spring Security wraps nothing in observations when they are off, rather than creating no-op ones. */
    @Bean
    SecurityObservationSettings securityObservations(Settings settings) {
        return settings.apiRequests()
                ? SecurityObservationSettings.withDefaults().shouldObserveRequests(true)
                        .shouldObserveAuthentications(true).shouldObserveAuthorizations(true).build()
                : SecurityObservationSettings.noObservations();
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context.isEmpty() ? uri : uri.substring(context.length());
    }
}
