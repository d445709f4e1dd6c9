package io.throughline.platform.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer tl_…} headers against stored token digests. A missing or
 * unknown token leaves the request anonymous; the authorization rules then answer 401.
 */
final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final JdbcStaffAccounts staffAccounts;

    ApiTokenAuthenticationFilter(JdbcStaffAccounts staffAccounts) {
        this.staffAccounts = staffAccounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String secret = header.substring(BEARER.length()).strip();
            if (!secret.isEmpty() && secret.length() <= ApiTokenSecrets.MAX_LENGTH) {
                staffAccounts.authenticateToken(secret).ifPresent(user -> {
                    var authentication = UsernamePasswordAuthenticationToken.authenticated(
                            user, null, user.getAuthorities());
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(authentication);
                    SecurityContextHolder.setContext(context);
                });
            }
        }
        chain.doFilter(request, response);
    }
}
