package io.throughline.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.carts.CartFixture;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Two hundred tills spending from one account at the same moment never overdraw it. */
@PlatformTest
class MembersSpendingFromOneAccountAtOnceTests {

    @LocalServerPort
    int port;

    @Test
    void twoHundredConcurrentRedemptionsSpendExactlyWhatSheHasAndNoMore() throws Exception {
        CartFixture carts = new CartFixture(port);
        LoyaltyFixture loyalty = new LoyaltyFixture(carts.api);
        loyalty.programme(Map.of());
        String profile = carts.customer();
        assertThat(loyalty.adjust(profile, 1_000, "Opening balance for the test").status()).isEqualTo(200);

        List<Future<Api.Response>> answers = new ArrayList<>();
        try (ExecutorService tills = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                String till = i % 2 == 0 ? "shop-budapest" : "shop-debrecen";
                answers.add(tills.submit(() -> loyalty.basket(till, "rcpt-" + UUID.randomUUID(), profile, 10,
                        Map.of())));
            }
        }
        int spent = 0;
        int refused = 0;
        for (Future<Api.Response> answer : answers) {
            Api.Response response = answer.get();
            if (response.status() == 200) {
                spent++;
            } else {
                assertThat(response.status()).as(response.body()).isEqualTo(409);
                assertThat(response.json().get("type").asString()).endsWith("/points-refused");
                refused++;
            }
        }
        assertThat(spent).as("exactly her 1,000 points' worth of 10-point burns").isEqualTo(100);
        assertThat(refused).isEqualTo(100);
        assertThat(loyalty.balance(profile)).isZero();
        assertThat(loyalty.member(profile).get("lots")).isEmpty();
        assertThat(loyalty.statement(profile).stream().filter(line -> line.get("kind").asString().equals("REDEEMED"))
                .mapToLong(line -> line.get("points").asLong()).sum()).isEqualTo(-1_000);
    }
}
