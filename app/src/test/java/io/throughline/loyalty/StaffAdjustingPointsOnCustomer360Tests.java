package io.throughline.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.carts.CartFixture;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Customer 360 shows her points and lots, and staff adjust them with a reason; a bad entry keeps what was typed. */
@PlatformTest
class StaffAdjustingPointsOnCustomer360Tests {

    @LocalServerPort
    int port;

    @Test
    void theAgentSeesHerPointsAndAddsSomeWithAReasonAfterCorrectingAMistypedNumber() {
        CartFixture carts = new CartFixture(port);
        LoyaltyFixture loyalty = new LoyaltyFixture(carts.api);
        loyalty.programme(Map.of());
        String profile = carts.customer();
        assertThat(loyalty.adjust(profile, 37, "Tasting club").status()).isEqualTo(200);
        ConsoleSession console = new ConsoleSession(port);
        console.signIn(PlatformTest.ADMIN_EMAIL, PlatformTest.ADMIN_PASSWORD);

        String page = console.get("/customers/" + profile).body();
        assertThat(page).contains("/loyalty/customers/" + profile);
        HttpResponse<String> panel = console.get("/loyalty/customers/" + profile);
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("37 points").contains("Tasting club").contains("Adjusted by staff");

        HttpResponse<String> mistyped = console.submitFromPage(page, "/loyalty/customers/" + profile + "/adjustments",
                Map.of("points", "ten", "reason", "Corked bottle"));
        assertThat(mistyped.body()).contains("Enter a whole number of points.").contains("value=\"ten\"")
                .contains("value=\"Corked bottle\"").contains("37 points");
        HttpResponse<String> tooMany = console.submitFromPage(page, "/loyalty/customers/" + profile + "/adjustments",
                Map.of("points", "-500", "reason", "Mistake"));
        assertThat(tooMany.body()).contains("She does not have that many points to take.");
        HttpResponse<String> added = console.submitFromPage(page, "/loyalty/customers/" + profile + "/adjustments",
                Map.of("points", "10", "reason", "Corked bottle"));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("47 points").contains("Corked bottle");
        assertThat(loyalty.balance(profile)).isEqualTo(47);
    }
}
