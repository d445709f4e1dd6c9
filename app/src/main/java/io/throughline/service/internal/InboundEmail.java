package io.throughline.service.internal;

import io.throughline.events.Identifier;
import io.throughline.platform.Channel;
import io.throughline.service.Conversations;
import io.throughline.service.Inbound;
import io.throughline.service.Medium;
import io.throughline.service.Received;
import io.throughline.tracking.Channels;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** An email read from the webhook or the mailbox, handed to the inbox as the sender's message. */
@Component
class InboundEmail {

    private final Conversations inbox;
    private final ServiceSettings settings;
    private final Channels channels;
    private final Clock clock;

    InboundEmail(Conversations inbox, ServiceSettings settings, Channels channels, Clock clock) {
        this.inbox = inbox;
        this.settings = settings;
        this.channels = channels;
        this.clock = clock;
    }

    long attachmentLimit() {
        return Long.parseLong(settings.get("attachment-max-bytes"));
    }

    Received accept(MailReading.Mail mail) {
        Channel channel = channels.resolve(settings.get("email-channel"));
        return inbox.receive(new Inbound(Medium.EMAIL, channel, List.of(new Identifier(Identifier.EMAIL, mail.from())),
                "email:" + mail.messageId(), mail.text(), mail.html(), mail.subject(),
                new Inbound.EmailHeaders(mail.messageId(), mail.inReplyTo(), mail.references(), mail.from(),
                        mail.to()),
                clock.instant()));
    }
}
