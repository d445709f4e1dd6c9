package io.throughline.platform.internal.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One trivial handler behind three doors, for the {@code api-overhead} benchmark: {@code /api} (API token),
 * {@code /v1} (write key) and a bare path outside security and observations. The handler being the same, the
 * difference in CPU per request between the doors is what the platform's request path costs. Only with
 * {@code throughline.bench.ping-endpoints=true}; never on in production.
 */
@Hidden
@RestController
@ConditionalOnBooleanProperty(BenchPingController.PROPERTY)
public class BenchPingController {

    public static final String PROPERTY = "throughline.bench.ping-endpoints";
    public static final String BARE = "/bench/ping";
    public static final String API = "/api/bench/ping";
    public static final String COLLECTION = "/v1/bench/ping";

    /** A small JSON answer, so that writing one is part of the cost as it is for every real call. */
    record Pong(boolean ok) {}

    private static final Pong PONG = new Pong(true);

    @GetMapping({BARE, API, COLLECTION})
    Pong ping() {
        return PONG;
    }
}
