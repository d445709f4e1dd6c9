package io.throughline.platform.internal.security;

import io.throughline.platform.StaffRole;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session as soon as its member of staff may no longer act as signed in: her account was disabled,
 * or her role changed (the session would otherwise keep the old role's rights until it expired).
 */
final class EndedSessionFilter extends OncePerRequestFilter {

    private final JdbcStaffAccounts accounts;

    EndedSessionFilter(JdbcStaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof StaffUser staff) {
            Optional<StaffRole> role = accounts.currentRole(staff.staffId());
            if (role.isEmpty() || role.get() != staff.role()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/sign-in?ended");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
