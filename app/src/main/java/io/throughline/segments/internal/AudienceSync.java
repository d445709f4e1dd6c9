package io.throughline.segments.internal;

import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.privacy.Consent;
import io.throughline.privacy.Consents;
import io.throughline.segments.internal.AudienceSyncStore.Delivery;
import io.throughline.segments.internal.AudienceSyncStore.State;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Audience sync: a segment's entries and exits sent one by one to a receiver's URL, as advertising platforms keep
 * audiences, signed with the sync's secret ({@link SyncPolicy}) and tried again with backoff. Only customers who
 * consented to marketing are sent in, with hashed identifiers when the receiver asks for them; an exit is sent
 * only for a customer whose entry was sent. Changes are queued with the membership change itself, so none is
 * lost or sent for a change that rolled back; they are sent outside any transaction, leased while under way.
 */
@Component
class AudienceSync {

    private static final Logger log = LoggerFactory.getLogger(AudienceSync.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int BATCH = 50;

    /** A sync as configured, with its secret only right after it was made. */
    record Configured(AudienceSyncStore.Sync sync, @Nullable String secret) {}

    private final AudienceSyncStore store;
    private final SegmentStore segments;
    private final CustomerProfiles customers;
    private final Consents consents;
    private final SegmentJson json;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final SecureRandom random = new SecureRandom();

    AudienceSync(AudienceSyncStore store, SegmentStore segments, CustomerProfiles customers, Consents consents,
            SegmentJson json, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.segments = segments;
        this.customers = customers;
        this.consents = consents;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sends the segment's changes from now on to the URL, signed with a new secret (given back once). */
    Configured configure(String key, String url, boolean hashed) {
        URI uri = receiver(url);
        SegmentStore.Saved segment = segment(key);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        transactions.executeWithoutResult(status -> store.save(segment.id(), uri.toString(), secret, hashed,
                clock.instant()));
        return new Configured(store.find(segment.id()).orElseThrow(), secret);
    }

    Optional<AudienceSyncStore.Sync> find(String key) {
        return store.find(segment(key).id());
    }

    List<Delivery> deliveries(String key, int limit) {
        return store.recent(segment(key).id(), limit);
    }

    void remove(String key) {
        SegmentStore.Saved segment = segment(key);
        if (!Boolean.TRUE.equals(transactions.execute(status -> store.remove(segment.id())))) {
            throw new NotFoundException("audience sync", key);
        }
    }

    /** Sends what is due at {@code now}; answers how many deliveries were taken. */
    int deliverDue(Instant now) {
        List<Delivery> due = transactions.execute(status -> store.claimDue(now, now.plus(LEASE), BATCH));
        if (due == null || due.isEmpty()) {
            return 0;
        }
        for (Delivery delivery : due) {
            deliver(delivery, now);
        }
        return due.size();
    }

    private void deliver(Delivery delivery, Instant now) {
        Optional<AudienceSyncStore.Sync> sync = store.find(delivery.segmentId());
        Optional<SegmentStore.Saved> segment = segments.find(delivery.segmentId());
        if (sync.isEmpty() || segment.isEmpty()) {
            store.finish(delivery.id(), State.SKIPPED, null, "the sync or its segment is gone", now);
            return;
        }
        String skipped = reasonToSkip(delivery);
        CustomerProfile profile = skipped == null ? profile(delivery.profileId()) : null;
        if (skipped == null && (profile == null || profile.email() == null && profile.phone() == null)) {
            skipped = "no email or phone to match her by";
        }
        if (skipped != null || profile == null) {
            store.finish(delivery.id(), State.SKIPPED, null, skipped, now);
            return;
        }
        String body = body(delivery, segment.get(), profile, sync.get().hashed());
        Integer status = null;
        String error;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(sync.get().url())).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header(SyncPolicy.DELIVERY_HEADER, delivery.id().toString())
                    .header(SyncPolicy.SIGNATURE_HEADER, SyncPolicy.signature(sync.get().secret(), clock.instant(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status >= 200 && status < 300) {
                store.finish(delivery.id(), State.DELIVERED, status, null, clock.instant());
                return;
            }
            error = "answered " + status;
        } catch (IOException | IllegalArgumentException failed) {
            error = failed.getClass().getSimpleName() + (failed.getMessage() == null ? "" : ": " + failed.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
        }
        Instant retryAt = SyncPolicy.retryAt(delivery.attempts() + 1, clock.instant());
        if (retryAt == null) {
            store.finish(delivery.id(), State.FAILED, status, error, clock.instant());
            log.warn("Audience sync delivery {} given up after {} attempts: {}", delivery.id(), SyncPolicy.ATTEMPTS, error);
        } else {
            store.retry(delivery.id(), status, error, retryAt);
        }
    }

    private @Nullable String reasonToSkip(Delivery delivery) {
        if (delivery.change() == AudienceSyncStore.Change.EXITED) {
            return store.entryDelivered(delivery.segmentId(), delivery.profileId(), delivery.changedAt()) ? null
                    : "her entry was never sent";
        }
        boolean consented = consents.of(delivery.profileId()).stream()
                .anyMatch(consent -> consent.purpose() == Consent.Purpose.MARKETING && consent.granted());
        return consented ? null : "no marketing consent";
    }

    private @Nullable CustomerProfile profile(UUID profileId) {
        try {
            return customers.get(profileId);
        } catch (NotFoundException erased) {
            return null;
        }
    }

    private String body(Delivery delivery, SegmentStore.Saved segment, CustomerProfile profile, boolean hashed) {
        ObjectNode body = json.emptyObject();
        body.put("delivery_id", delivery.id().toString());
        body.put("change", delivery.change().name().toLowerCase(Locale.ROOT));
        body.put("changed_at", delivery.changedAt().toString());
        body.putObject("segment").put("key", segment.key()).put("name", segment.name());
        ObjectNode customer = body.putObject("customer");
        customer.put("id", profile.id().toString());
        identifier(customer, "email", profile.email() == null ? null : profile.email().toLowerCase(Locale.ROOT), hashed);
        identifier(customer, "phone", profile.phone(), hashed);
        return json.write(body);
    }

    private static void identifier(ObjectNode customer, String name, @Nullable String value, boolean hashed) {
        if (value != null) {
            customer.put(hashed ? name + "_sha256" : name, hashed ? AudienceExport.sha256(value) : value);
        }
    }

    private SegmentStore.Saved segment(String key) {
        return segments.find(key).orElseThrow(() -> new NotFoundException("segment", key));
    }

    private static URI receiver(String url) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                    || uri.getHost() == null || url.length() > 2000) {
                throw new InvalidRequestException("url", "must be an http or https URL of at most 2000 characters");
            }
            return uri;
        } catch (URISyntaxException notAUrl) {
            throw new InvalidRequestException("url", "is not a URL: " + notAUrl.getReason());
        }
    }
}
