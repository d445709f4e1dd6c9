package io.throughline.privacy.internal.preferences;

import io.throughline.privacy.Consent;
import io.throughline.privacy.Consents;
import io.throughline.privacy.EmailConsentConfirmationRequested;
import io.throughline.privacy.PreferenceLinks;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a customer changes in her preference centre: each box she ticks or clears is a consent statement with its
 * proof (wording version, language, source, time). With double opt-in on, ticking email marketing sends a
 * confirmation mail instead, and the consent is granted only when she follows its link.
 */
@Service
class PreferenceCentre implements PreferenceLinks {

    static final String SOURCE = "preference-centre";
    static final String CONFIRMED_SOURCE = "preference-centre:confirmed";

    /** What the page shows: the boxes ticked and those waiting for her confirmation. */
    record Boxes(Set<Choice> granted, Set<Choice> pending) {}

    /** What a save did. */
    record Saved(int changes, boolean confirmationSent) {}

    private final Consents consents;
    private final ConsentProofs proofs;
    private final LinkKey key;
    private final PreferenceProperties properties;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PreferenceCentre(Consents consents, ConsentProofs proofs, LinkKey key, PreferenceProperties properties,
            MessageSource messages, ApplicationEventPublisher events, Clock clock) {
        this.consents = consents;
        this.proofs = proofs;
        this.key = key;
        this.properties = properties;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String preferencesPath(UUID profileId) {
        return "/m/preferences/" + key.tokens().sign(new LinkTokens.Token(profileId, LinkTokens.Purpose.PREFERENCES,
                clock.instant().plus(properties.linkValidity())));
    }

    @Override
    public ConfirmationMail confirmationMail(String languageTag, String confirmUrl) {
        PreferenceTexts texts = new PreferenceTexts(messages, PreferenceTexts.choose(languageTag, java.util.List.of()));
        String body = texts.get("prefs.confirm-mail.body");
        String action = texts.get("prefs.confirm-mail.action");
        String escapedUrl = org.springframework.web.util.HtmlUtils.htmlEscape(confirmUrl);
        return new ConfirmationMail(texts.get("prefs.confirm-mail.subject"), body + "\n\n" + action + ": " + confirmUrl
                + "\n", "<html><body><p>" + org.springframework.web.util.HtmlUtils.htmlEscape(body)
                + "</p><p><a href=\"" + escapedUrl + "\">" + org.springframework.web.util.HtmlUtils.htmlEscape(action)
                + "</a></p></body></html>");
    }

    /** The profile a preferences link opens, if the link is ours and still valid. */
    Optional<UUID> profileOf(String token) {
        return key.tokens().verify(token, LinkTokens.Purpose.PREFERENCES, clock.instant())
                .map(LinkTokens.Token::profileId);
    }

    Optional<UUID> confirmingProfileOf(String token) {
        return key.tokens().verify(token, LinkTokens.Purpose.CONFIRM_EMAIL, clock.instant())
                .map(LinkTokens.Token::profileId);
    }

    Boxes boxes(UUID profileId) {
        Set<Choice> granted = consents.of(profileId).stream().filter(Consent::granted)
                .map(consent -> new Choice(consent.purpose(), consent.channel())).collect(Collectors.toSet());
        return new Boxes(granted, proofs.pending(profileId));
    }

    @Transactional
    Saved save(UUID profileId, Collection<Choice> ticked, PreferenceTexts texts) {
        Instant now = clock.instant();
        Boxes before = boxes(profileId);
        boolean doubleOptIn = proofs.doubleOptIn();
        int changes = 0;
        boolean confirmationSent = false;
        for (Choice choice : Choice.all()) {
            boolean wanted = ticked.contains(choice);
            boolean had = before.granted().contains(choice);
            if (wanted && !had) {
                if (doubleOptIn && choice.equals(Choice.EMAIL_MARKETING)) {
                    if (proofs.awaitConfirmation(profileId, choice, now)) {
                        proof(profileId, choice, ConsentProofs.Change.CONFIRMATION_REQUESTED, texts, SOURCE, now);
                        String token = key.tokens().sign(new LinkTokens.Token(profileId,
                                LinkTokens.Purpose.CONFIRM_EMAIL, now.plus(properties.confirmValidity())));
                        events.publishEvent(new EmailConsentConfirmationRequested(profileId,
                                "/m/preferences/confirm/" + token + "?lang=" + texts.tag(), texts.tag()));
                        confirmationSent = true;
                        changes++;
                    }
                    continue;
                }
                consents.record(profileId, new Consent(choice.purpose(), choice.channel(), true, SOURCE, now));
                proof(profileId, choice, ConsentProofs.Change.GRANTED, texts, SOURCE, now);
                changes++;
            } else if (!wanted && (had || before.pending().contains(choice))) {
                proofs.takePending(profileId, choice);
                consents.record(profileId, new Consent(choice.purpose(), choice.channel(), false, SOURCE, now));
                proof(profileId, choice, ConsentProofs.Change.WITHDRAWN, texts, SOURCE, now);
                changes++;
            }
        }
        return new Saved(changes, confirmationSent);
    }

    /** She followed the confirmation link: the email consent she asked for is granted now. */
    @Transactional
    boolean confirm(UUID profileId, PreferenceTexts texts) {
        if (!proofs.takePending(profileId, Choice.EMAIL_MARKETING)) {
            return false;
        }
        Instant now = clock.instant();
        consents.record(profileId, new Consent(Consent.Purpose.MARKETING, Consent.Channel.EMAIL, true,
                CONFIRMED_SOURCE, now));
        proof(profileId, Choice.EMAIL_MARKETING, ConsentProofs.Change.GRANTED, texts, CONFIRMED_SOURCE, now);
        return true;
    }

    private void proof(UUID profileId, Choice choice, ConsentProofs.Change change, PreferenceTexts texts,
            String source, Instant at) {
        proofs.record(profileId, choice, change, texts.wordingVersion(), texts.tag(), source, at);
    }
}
