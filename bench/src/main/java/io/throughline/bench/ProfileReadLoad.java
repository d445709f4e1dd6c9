package io.throughline.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads random profiles the way a service agent's screen opens a customer: the overview, then the first
 * timeline page, one pair after another on each client, with no pause between pairs.
 */
final class ProfileReadLoad {

    private final HttpClient http;
    private final AdminApi admin;
    private final UUID[] profiles;
    private final int clients;
    private final AtomicLong seeds = new AtomicLong();

    ProfileReadLoad(HttpClient http, AdminApi admin, UUID[] profiles, int clients, long seed) {
        this.http = http;
        this.admin = admin;
        this.profiles = profiles;
        this.clients = clients;
        this.seeds.set(seed);
    }

    /** Runs for {@code duration}; an operation is one pair, its latency the two requests together. */
    Clients.Totals run(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        return Clients.run(clients, tally -> {
            SplittableRandom random = new SplittableRandom(seeds.incrementAndGet() * 0x9E3779B97F4A7C15L);
            while (System.nanoTime() < deadline) {
                readPair(profiles[random.nextInt(profiles.length)], tally);
            }
        });
    }

    private void readPair(UUID profile, Tally tally) throws InterruptedException {
        long started = System.nanoTime();
        int overview = get("/api/customers/" + profile);
        int timeline = overview == 200 ? get("/api/customers/" + profile + "/timeline?limit=25") : overview;
        if (overview == 200 && timeline == 200) {
            tally.succeeded(System.nanoTime() - started, 1);
        } else {
            tally.unexpected(overview != 200 ? overview : timeline);
        }
    }

    /** The status; the body is read in full, as a real client would. */
    private int get(String path) throws InterruptedException {
        try {
            HttpRequest request = admin.request(path).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        } catch (IOException transport) {
            return Tally.TRANSPORT_ERROR;
        }
    }
}
