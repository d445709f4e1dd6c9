package io.throughline.platform;

import org.springframework.http.HttpMethod;

/**
 * Who may call what: the one place the console (for its navigation) and the tests ask. It answers from the same
 * rules that guard each endpoint, its {@code @PreAuthorize}, evaluated before the request is read, so the console's
 * menu, the API and the expected table in {@code src/test/resources/authorization.tsv} cannot drift apart.
 */
public interface Authorization {

    /**
     * Whether a signed-in member of staff in the role may call the endpoint that serves {@code method} and
     * {@code path} (as a browser or a client sends it, e.g. {@code GET /orders/pick-list}). False for a path that
     * no endpoint serves.
     */
    boolean permits(StaffRole role, HttpMethod method, String path);
}
