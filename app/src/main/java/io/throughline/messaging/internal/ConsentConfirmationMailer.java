package io.throughline.messaging.internal;

import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.messaging.Variant;
import io.throughline.platform.Ids;
import io.throughline.privacy.EmailConsentConfirmationRequested;
import io.throughline.privacy.PreferenceLinks;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the double opt-in mail that the preference centre asks for, through the same email channel and settings
 * as every other mail. It is a service mail: no consent is needed to ask for consent, and it carries no tracking.
 */
@Component
class ConsentConfirmationMailer {

    private static final Logger log = LoggerFactory.getLogger(ConsentConfirmationMailer.class);

    private final CustomerProfiles profiles;
    private final PreferenceLinks links;
    private final ChannelSettings settings;
    private final EmailAdapter email;
    private final Clock clock;

    ConsentConfirmationMailer(CustomerProfiles profiles, PreferenceLinks links, ChannelSettings settings,
            EmailAdapter email, Clock clock) {
        this.profiles = profiles;
        this.links = links;
        this.settings = settings;
        this.email = email;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(EmailConsentConfirmationRequested requested) {
        CustomerProfile profile = profiles.get(requested.profileId());
        if (profile.email() == null) {
            log.info("No confirmation mail for profile {}: it has no email address", profile.id());
            return;
        }
        ChannelSettings.Values current = settings.current();
        PreferenceLinks.ConfirmationMail mail = links.confirmationMail(requested.languageTag(),
                current.baseUrl() + requested.confirmPath());
        ChannelAdapter.Result result = email.deliver(new ChannelAdapter.Outgoing(Ids.newId(clock), profile.id(),
                new Variant.Email("", mail.subject(), mail.html(), mail.text()), profile.email(), null, Map.of(),
                current));
        if (result instanceof ChannelAdapter.Result.Failed failed) {
            log.warn("Confirmation mail for profile {} failed: {}", profile.id(), failed.reason());
        }
    }
}
