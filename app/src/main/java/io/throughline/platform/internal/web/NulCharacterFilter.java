package io.throughline.platform.internal.web;

import io.throughline.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request whose query parameters or form fields hold a NUL character, before any endpoint sees it:
 * PostgreSQL cannot store one, and a search for one would fail with a 500 wherever it reached the database.
 */
final class NulCharacterFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    NulCharacterFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String field = fieldWithNul(request);
        if (field == null) {
            chain.doFilter(request, response);
            return;
        }
        var problem = Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                field + " " + NulCharacters.REASON), java.util.List.of(new Problems.FieldError(field,
                NulCharacters.REASON)));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * The first parameter whose name or value holds NUL. The raw query string is looked at first, so that the
     * usual request, without one, costs a scan of a short string; form bodies are read only when they are forms.
     */
    private static @org.jspecify.annotations.Nullable String fieldWithNul(HttpServletRequest request) {
        String query = request.getQueryString();
        boolean suspectQuery = query != null && (query.contains("%00") || query.contains("\0"));
        String contentType = request.getContentType();
        // Collection reads its own body whatever it is declared to be; reading it as a form here would consume it.
        boolean form = contentType != null && contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                && !request.getRequestURI().startsWith("/v1/");
        if (!suspectQuery && !form) {
            return null;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (NulCharacters.in(parameter.getKey())) {
                return "parameter name";
            }
            for (String value : parameter.getValue()) {
                if (NulCharacters.in(value)) {
                    return parameter.getKey();
                }
            }
        }
        return null;
    }

    /** Collection reads its own bodies and checks them per event; its query string is looked at here too. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }
}
