package io.throughline.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's segment pages: the marketer finds the segment in the list, sees its members by name and why one
 * of them is in, condition by condition; the analyst sees the segment and its size but not who is in it.
 */
@PlatformTest
class MarketerReadingSegmentsInTheConsoleTests {

    @LocalServerPort
    int port;

    @Autowired
    SegmentWork work;

    @Test
    void theMarketerSeesMembersByNameAndWhyAndTheAnalystOnlyTheSize() {
        SegmentFixtures fixtures = new SegmentFixtures(port);
        String run = "console-" + java.util.UUID.randomUUID();
        String key = SegmentFixtures.key("hungarian-speakers");
        String userId = SegmentFixtures.userId("hanna");
        String hanna = fixtures.customer(userId, Map.of("test_run", run, "language", "hu", "lastName", "Horváth",
                "firstName", "Hanna"));
        fixtures.create("""
                {"key": "%s", "name": "Hungarian speakers %s", "condition": {"type": "all", "conditions": [
                  {"type": "trait", "trait": "test_run", "op": "eq", "value": "%s"},
                  {"type": "trait", "trait": "language", "op": "eq", "value": "hu"}]}}""".formatted(key, run, run));
        work.evaluatePending();
        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.members(key).contains(hanna));

        ConsoleSession marketer = new ConsoleSession(port);
        marketer.signIn("marketing@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);
        var list = marketer.get("/segments");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Hungarian speakers " + run, "data-key=\"" + key + "\"");
        var page = marketer.get("/segments/" + key + "?explain=" + hanna);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Hanna Horváth", "1 members", "trait language eq &quot;hu&quot;",
                "&quot;hu&quot;", "In the segment now.");

        ConsoleSession analyst = new ConsoleSession(port);
        analyst.signIn("analyst@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);
        var seen = analyst.get("/segments/" + key + "?explain=" + hanna);
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.body()).contains("1 members").doesNotContain("Hanna Horváth", "In the segment now.");
    }
}
