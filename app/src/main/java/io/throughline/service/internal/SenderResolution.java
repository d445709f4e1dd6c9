package io.throughline.service.internal;

import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.events.AppendOutcome;
import io.throughline.events.CustomerEvent;
import io.throughline.events.EventLog;
import io.throughline.events.EventNames;
import io.throughline.events.Identifier;
import io.throughline.platform.ConflictException;
import io.throughline.service.Inbound;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Finds the customer behind an inbound message the way the collection API does: the message's "Message Received"
 * event goes into the log with the sender's identifiers, and identity resolution puts it on her profile (creating
 * one for a stranger, joining a chat visitor's anonymous id, merging when the identifiers show two profiles are
 * one). The inbox stores the message only after the log has committed, so what it answers is on her timeline.
 */
@Component
class SenderResolution {

    private final EventLog log;
    private final CustomerProfiles profiles;
    private final Clock clock;

    SenderResolution(EventLog log, CustomerProfiles profiles, Clock clock) {
        this.log = log;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Her profile; empty when she was erased and the message must not be kept. */
    Optional<UUID> profileOf(Inbound message, UUID messageId) {
        var event = CustomerEvent.track(EventNames.MESSAGE_RECEIVED, message.channel(), message.sentAt())
                .identifiedBy(message.sender())
                .property("medium", message.medium().name().toLowerCase(Locale.ROOT))
                .property("message_id", messageId)
                .property("subject", message.subject())
                .toAppend(logMessageId(message.dedupeKey()), clock.instant());
        AppendOutcome outcome;
        try {
            outcome = log.append(List.of(event)).get(30, TimeUnit.SECONDS).get(0);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ConflictException("message", "interrupted while storing the message; send it again");
        } catch (ExecutionException | TimeoutException failed) {
            throw new ConflictException("message", "the message could not be stored now; send it again");
        }
        return switch (outcome) {
            case AppendOutcome.Stored stored -> Optional.of(stored.profileId());
            // Logged by an earlier delivery that did not get as far as the inbox: her identifiers are hers now.
            case AppendOutcome.Duplicate duplicate -> Optional.of(known(message.sender()));
            // In cluster mode the log stores it shortly; her profile is known once it has, and a retry finds it.
            case AppendOutcome.Queued queued -> Optional.of(known(message.sender()));
            case AppendOutcome.Suppressed suppressed -> Optional.empty();
        };
    }

    private UUID known(List<Identifier> sender) {
        for (Identifier identifier : sender) {
            Optional<CustomerProfile> profile = profiles.findByIdentity(identifier.type(), identifier.value());
            if (profile.isPresent()) {
                return profile.get().id();
            }
        }
        throw new ConflictException("sender", "the sender's profile is not known yet; send the message again");
    }

    /** The log's de-duplication key: the inbox's own key, hashed to the log's length and free of addresses. */
    private static String logMessageId(String dedupeKey) {
        try {
            return "service:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(dedupeKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is part of every JDK", missing);
        }
    }
}
