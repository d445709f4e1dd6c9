package io.throughline.service;

import io.throughline.events.Identifier;
import io.throughline.platform.Channel;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A customer's message as a channel adapter hands it to the inbox: who sent it (identifiers, resolved through the
 * identity graph), on what, and the key that makes a retry of the same message recognisable.
 *
 * @param dedupeKey an email's Message-ID, a provider's message id or the widget's client id, prefixed by medium
 * @param email     the threading headers of an email; null for other media
 */
public record Inbound(Medium medium, Channel channel, List<Identifier> sender, String dedupeKey, String text,
        @Nullable String html, @Nullable String subject, @Nullable EmailHeaders email, Instant sentAt) {

    public Inbound {
        sender = List.copyOf(sender);
    }

    /** An email's identity and the messages it answers. */
    public record EmailHeaders(String messageId, @Nullable String inReplyTo, List<String> references,
            String from, @Nullable String to) {

        public EmailHeaders {
            references = List.copyOf(references);
        }
    }
}
