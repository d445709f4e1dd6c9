package io.throughline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the event mix as {@code /v1/batch} requests from a fixed number of concurrent clients, as a Segment
 * SDK would: HTTP Basic with the write key, the same body again after a 429 or 503 once Retry-After has
 * passed. Batch {@code n} always holds the same shoppers, so runs are comparable.
 */
final class IngestLoad {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_ATTEMPTS = 50;

    private final HttpClient http;
    private final URI batchUri;
    private final String authorization;
    private final EventMix mix;
    private final int clients;
    private final int batchSize;
    private final String messageIdPrefix;
    private final long seed;
    private final JsonMapper json = JsonMapper.builder().build();
    private final LongAdder acknowledged = new LongAdder();

    IngestLoad(HttpClient http, URI batchUri, String writeKey, EventMix mix, int clients, int batchSize,
            String messageIdPrefix, long seed) {
        this.http = http;
        this.batchUri = batchUri;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        this.mix = mix;
        this.clients = clients;
        this.batchSize = batchSize;
        this.messageIdPrefix = messageIdPrefix;
        this.seed = seed;
    }

    /** Events acknowledged so far over all phases, for progress reports. */
    long acknowledged() {
        return acknowledged.sum();
    }

    /** Sends batches {@code from} (inclusive) to {@code to} (exclusive), each once it is acknowledged. */
    Clients.Totals send(long from, long to) throws InterruptedException {
        AtomicLong next = new AtomicLong(from);
        return Clients.run(clients, tally -> {
            for (long batch = next.getAndIncrement(); batch < to; batch = next.getAndIncrement()) {
                send(batch, tally);
            }
        });
    }

    private void send(long batch, Tally tally) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(batchUri)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(batch)))
                .build();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            long started = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException transport) {
                tally.unexpected(Tally.TRANSPORT_ERROR);
                Thread.sleep(1000);
                continue;
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                record(tally, System.nanoTime() - started, response.body());
                return;
            }
            tally.unexpected(status);
            if (status != 429 && status < 500) {
                throw new IllegalStateException("batch " + batch + " answered " + status + ": " + response.body());
            }
            Thread.sleep(retryAfterMillis(response));
        }
        throw new IllegalStateException("batch " + batch + " not acknowledged after " + MAX_ATTEMPTS + " attempts");
    }

    private void record(Tally tally, long nanos, String body) {
        JsonNode answer = json.readTree(body);
        long accepted = answer.path("accepted").asLong();
        long duplicates = answer.path("duplicates").asLong();
        if (answer.has("rejected")) {
            throw new IllegalStateException("the platform rejected events of the mix: " + answer.get("rejected"));
        }
        // A duplicate is a retry of an event the platform had already stored: acknowledged all the same.
        tally.succeeded(nanos, accepted + duplicates);
        tally.duplicates += duplicates;
        acknowledged.add(accepted + duplicates);
    }

    private static long retryAfterMillis(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .map(seconds -> {
                    try {
                        return Long.parseLong(seconds.strip()) * 1000;
                    } catch (NumberFormatException notSeconds) {
                        return 1000L;
                    }
                })
                .orElse(1000L);
    }

    private String body(long batch) {
        SplittableRandom random = new SplittableRandom(seed ^ (batch * 0x9E3779B97F4A7C15L));
        Instant now = Instant.now();
        StringBuilder body = new StringBuilder(batchSize * 420).append("{\"batch\":[");
        for (int i = 0; i < batchSize; i++) {
            var event = mix.draw(random, messageId(batch, i), now.minusMillis(batchSize - i));
            body.append(i == 0 ? "" : ",").append(EventMix.sent(event));
        }
        return body.append("]}").toString();
    }

    String messageId(long batch, int index) {
        return messageIdPrefix + batch + "-" + index;
    }
}
