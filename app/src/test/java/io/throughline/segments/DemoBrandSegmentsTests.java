package io.throughline.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.PlatformTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo brand comes with its four segments, evaluated over its customers, whose birthdays and places count. */
@PlatformTest
class DemoBrandSegmentsTests {

    @LocalServerPort
    int port;

    @Autowired
    SegmentWork work;

    @Test
    void theBrandsSegmentsAreThereAndItsCustomersHaveBirthdaysAndPlaces() {
        SegmentFixtures fixtures = new SegmentFixtures(port);
        work.evaluatePending();
        for (String key : new String[] {"aszu-lovers-near-debrecen", "loyal-but-rarely-buying", "lapsed-app-users",
                "birthday-this-month"}) {
            var segment = fixtures.api().get("/api/segments/" + key);
            assertThat(segment.status()).as(key).isEqualTo(200);
            assertThat(segment.json().get("evaluation").get("state").asString()).as(key).isEqualTo("DONE");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> preview(fixtures, """
                {"type": "near_shop", "shop": "shop-debrecen", "km": 30}""") > 0 && preview(fixtures, """
                {"type": "age", "min": 18}""") > 0);
    }

    private static long preview(SegmentFixtures fixtures, String condition) {
        var preview = fixtures.api().post("/api/segments/preview",
                "{\"key\": \"preview\", \"name\": \"Preview\", \"condition\": " + condition + "}");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        return preview.json().get("members").asLong();
    }
}
