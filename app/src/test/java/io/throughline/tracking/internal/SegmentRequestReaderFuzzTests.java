package io.throughline.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.throughline.tracking.internal.SegmentRequestReader.Arrival;
import io.throughline.tracking.internal.SegmentRequestReader.MalformedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever bytes arrive, the collection reader either reads them into events that keep Segment's rules
 * or refuses the request as malformed; it never fails in any other way (which the endpoint would turn into
 * a 500) and never lets an event through that breaks a limit.
 */
class SegmentRequestReaderFuzzTests {

    private static final SegmentRequestReader READER = new SegmentRequestReader(JsonMapper.builder().build());
    private static final Arrival ARRIVAL = new Arrival(UUID.randomUUID(), "web", Instant.parse("2026-11-23T10:00:00Z"));

    @FuzzTest(maxDuration = "20s")
    void anyBodyIsReadIntoValidEventsOrRefused(byte[] body) {
        JsonNode root;
        try {
            root = READER.parse(body);
        } catch (MalformedRequest refused) {
            return;
        }
        for (String path : new String[] {"batch", "track", "identify", "alias"}) {
            try {
                var request = READER.read(path, root, ARRIVAL);
                for (var accepted : request.accepted()) {
                    var event = accepted.event();
                    assertThat(event.messageId()).isNotBlank().hasSizeLessThanOrEqualTo(100);
                    assertThat(event.identifiers()).isNotEmpty();
                    assertThat(event.payload().getBytes(StandardCharsets.UTF_8).length).isLessThan(64 * 1024);
                    assertThat(event.channel()).isEqualTo("web");
                }
                assertThat(request.accepted().size() + request.rejected().size()).isLessThanOrEqualTo(2_500);
            } catch (MalformedRequest refused) {
                // A request whose shape is wrong as a whole is refused whole: fine.
            }
        }
    }
}
