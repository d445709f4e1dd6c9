package io.throughline.messaging;

import static io.throughline.messaging.ShopperReachedOnHerBestChannelTests.NOON;
import static io.throughline.messaging.ShopperReachedOnHerBestChannelTests.OFFER;
import static io.throughline.messaging.ShopperReachedOnHerBestChannelTests.dispatch;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** An administrator tunes the channel choice through the messaging settings; nonsense is refused by name. */
@PlatformTest
class AdministratorSettingChannelChoiceRulesTests {

    @LocalServerPort
    int port;

    @Autowired
    ChannelChoices choices;

    Api api;
    MessagingFixtures fixtures;

    @BeforeEach
    void signIn() {
        api = new Admin(port).api();
        fixtures = new MessagingFixtures(api);
    }

    @AfterEach
    void builtInValuesBack() {
        fixtures.settings(Map.of("control-group-percent", "", "fallback-order", "", "quiet-hours-start", "",
                "quiet-hours-end", "", "quiet-hours-channels", "push,sms", "default-time-zone", ""));
    }

    @Test
    void theBuiltInRulesAreReadableAndABlankBringsThemBack() {
        fixtures.settings(Map.of("quiet-hours-start", "22:00", "frequency-cap-total", "5"));
        fixtures.settings(Map.of("quiet-hours-start", "", "frequency-cap-total", ""));

        JsonNode settings = api.get("/api/messaging/settings").json();

        assertThat(settings.get("quiet-hours-start").asString()).isEqualTo("21:00");
        assertThat(settings.get("quiet-hours-end").asString()).isEqualTo("08:00");
        assertThat(settings.get("quiet-hours-channels").asString()).isEqualTo("push,sms");
        assertThat(settings.get("quiet-hours-transactional").asString()).isEqualTo("false");
        assertThat(settings.get("default-time-zone").asString()).isEqualTo("Europe/Budapest");
        assertThat(settings.get("frequency-cap-total").asString()).isEqualTo("3");
        assertThat(settings.get("frequency-cap-sms").asString()).isEqualTo("1");
        assertThat(settings.get("fallback-order").asString()).isEqualTo("push,email,in_app,sms");
        assertThat(settings.get("control-group-percent").asString()).isEqualTo("5.0");
    }

    @Test
    void nonsenseIsRefusedNamingTheSettingAndChangesNothing() {
        Map<String, String> nonsense = Map.of("quiet-hours-start", "9pm", "default-time-zone", "Mars/Olympus",
                "frequency-cap-total", "-1", "fallback-order", "email,pigeon", "control-group-percent", "80",
                "quiet-hours-transactional", "maybe");
        for (var setting : nonsense.entrySet()) {
            var refused = api.patch("/api/messaging/settings", Api.json(Map.of("quiet-hours-end", "07:00",
                    setting.getKey(), setting.getValue())));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).contains(setting.getKey());
        }
        var task = api.patch("/api/messaging/settings", Api.json(Map.of("fallback-order", "task,email")));
        assertThat(task.status()).isEqualTo(400);
        assertThat(api.get("/api/messaging/settings").json().get("quiet-hours-end").asString()).isEqualTo("08:00");
    }

    @Test
    void aNewFallbackOrderAndQuietWindowApplyToTheNextDecision() {
        String profile = fixtures.customer(Map.of("givenName", "Ilona", "email", fixtures.uniqueEmail("ilona"),
                "phone", fixtures.uniquePhone()));
        fixtures.consent(profile, "email", true);
        fixtures.consent(profile, "sms", true);
        String message = fixtures.message(OFFER.formatted(UUID.randomUUID(), "marketing"));
        fixtures.settings(Map.of("control-group-percent", "0"));

        fixtures.settings(Map.of("fallback-order", "sms,email"));
        ChannelDecision smsFirst = choices.decide(dispatch(message, profile, null, NOON));
        fixtures.settings(Map.of("quiet-hours-start", "11:00", "quiet-hours-end", "13:00",
                "quiet-hours-channels", "sms,email", "default-time-zone", "Europe/Lisbon"));
        ChannelDecision lunch = choices.decide(dispatch(message, profile, null, NOON));

        assertThat(smsFirst).isInstanceOfSatisfying(ChannelDecision.Send.class,
                send -> assertThat(send.channel()).isEqualTo(MessageChannel.SMS));
        // Noon UTC is 11:00 in Lisbon: in the new window, which ends at 13:00 there.
        assertThat(lunch).isInstanceOfSatisfying(ChannelDecision.Hold.class, hold -> {
            assertThat(hold.channel()).isEqualTo(MessageChannel.SMS);
            assertThat(hold.until()).isEqualTo(Instant.parse("2026-11-24T13:00:00Z"));
        });
        assertThat(lunch.reasons()).contains("sms held: quiet hours 11:00–13:00 Europe/Lisbon, until 13:00");
    }
}
