package io.throughline.platform.internal.security;

import io.throughline.platform.Authorization;
import io.throughline.platform.StaffRole;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Applies each endpoint's {@code @PreAuthorize} as soon as the endpoint is known, before its parameters and body
 * are read: a caller without the role learns nothing of what the endpoint expects (a 403, not a 400 about the
 * body), and the answer depends on the role alone. The method-security interceptor still applies the same rule
 * when the method runs; this evaluates the same annotation, so the two cannot disagree.
 */
@Component
class EndpointAuthorization implements Authorization, HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();
    private final RequestMappingHandlerMapping handlers;

    EndpointAuthorization(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
        this.handlers = handlers;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // A streamed answer (events, a download) comes back for an async dispatch after the caller was admitted;
        // the caller is no longer on this thread then, and asking again would cut the stream short.
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            return true;
        }
        if (handler instanceof HandlerMethod endpoint && guarded(endpoint)
                && !allows(() -> SecurityContextHolder.getContext().getAuthentication(), endpoint)) {
            throw new AccessDeniedException("Your role may not use this endpoint");
        }
        return true;
    }

    @Override
    public boolean permits(StaffRole role, HttpMethod method, String path) {
        Optional<HandlerMethod> endpoint = endpoint(method, path);
        if (endpoint.isEmpty()) {
            return false;
        }
        Authentication staff = UsernamePasswordAuthenticationToken.authenticated(role.name(), null,
                List.of(new SimpleGrantedAuthority(role.authority())));
        return !guarded(endpoint.get()) || allows(() -> staff, endpoint.get().createWithResolvedBean());
    }

    private boolean allows(Supplier<Authentication> caller, HandlerMethod endpoint) {
        AuthorizationResult result = rules.authorize(caller,
                new SimpleMethodInvocation(endpoint.getBean(), endpoint.getMethod()));
        return result == null || result.isGranted();
    }

    private static boolean guarded(HandlerMethod endpoint) {
        return AnnotatedElementUtils.hasAnnotation(endpoint.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(endpoint.getBeanType(), PreAuthorize.class);
    }

    /** The endpoint serving the method and path: of the patterns that match, the most specific. */
    private Optional<HandlerMethod> endpoint(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return handlers.getHandlerMethods().entrySet().stream()
                .filter(mapping -> servesMethod(mapping.getKey(), method))
                .flatMap(mapping -> patterns(mapping.getKey()).stream()
                        .filter(pattern -> pattern.matches(container))
                        .map(pattern -> Map.entry(pattern, mapping.getValue())))
                .min(Comparator.comparing(Map.Entry::getKey, PathPattern.SPECIFICITY_COMPARATOR))
                .map(Map.Entry::getValue);
    }

    private static boolean servesMethod(RequestMappingInfo mapping, HttpMethod method) {
        var methods = mapping.getMethodsCondition().getMethods();
        return methods.isEmpty() || methods.stream().anyMatch(served -> served.name().equals(method.name()));
    }

    private static java.util.Set<PathPattern> patterns(RequestMappingInfo mapping) {
        return mapping.getPathPatternsCondition() == null ? java.util.Set.of()
                : mapping.getPathPatternsCondition().getPatterns();
    }
}
