package io.throughline.platform.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * A browser that went away while a page was still being written (closed tab, broken pipe) fails the request
 * outside any controller, where the servlet container would log it at ERROR with its whole stack trace. It is
 * routine: one DEBUG line, and nothing more to answer.
 */
class DisconnectedClientFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DisconnectedClientFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!DisconnectedClientHelper.isClientDisconnectedException(failure)) {
                throw failure;
            }
            log.debug("Client went away before {} {} was answered: {}", request.getMethod(),
                    request.getRequestURI(), failure.toString());
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
