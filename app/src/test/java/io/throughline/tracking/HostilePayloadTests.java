package io.throughline.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Payloads written to break a collector get a 2xx or a 4xx, promptly; never a 5xx, never a hang. */
@PlatformTest
class HostilePayloadTests {

    @LocalServerPort
    int port;

    static Stream<Arguments> hostilePayloads() {
        byte[] invalidUtf8 = bytes("{\"anonymousId\":\"a\",\"event\":\"x__\"}");
        // 0xFF and 0xFE never occur in UTF-8.
        invalidUtf8[invalidUtf8.length - 4] = (byte) 0xFF;
        invalidUtf8[invalidUtf8.length - 3] = (byte) 0xFE;
        return Stream.of(
                Arguments.of("deep nesting", bytes("{\"anonymousId\":\"a\",\"event\":\"E\",\"properties\":"
                        + "[".repeat(100_000) + "]".repeat(100_000) + "}")),
                Arguments.of("deeply nested objects", bytes("{\"anonymousId\":\"a\",\"event\":\"E\",\"properties\":"
                        + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}")),
                Arguments.of("huge string", bytes("{\"anonymousId\":\"" + "a".repeat(490_000) + "\",\"event\":\"E\"}")),
                Arguments.of("huge event name", bytes("{\"anonymousId\":\"a\",\"event\":\"" + "e".repeat(30_000) + "\"}")),
                Arguments.of("wrong types", bytes("{\"anonymousId\":{\"x\":1},\"userId\":[1,2],\"event\":42,"
                        + "\"timestamp\":true,\"messageId\":{},\"context\":\"nope\",\"traits\":7}")),
                Arguments.of("timestamp garbage", bytes("{\"anonymousId\":\"a\",\"event\":\"E\",\"timestamp\":\"yesterday\"}")),
                Arguments.of("invalid UTF-8", invalidUtf8),
                Arguments.of("10,000 keys", bytes("{\"anonymousId\":\"a\",\"event\":\"E\",\"properties\":{"
                        + IntStream.range(0, 10_000).mapToObj(i -> "\"k" + i + "\":" + i).collect(Collectors.joining(","))
                        + "}}")),
                Arguments.of("batch of non-objects", bytes("{\"batch\":[1,\"two\",null,[],true]}")),
                Arguments.of("batch not an array", bytes("{\"batch\":{\"type\":\"track\"}}")),
                Arguments.of("top-level array", bytes("[{\"anonymousId\":\"a\",\"event\":\"E\"}]")),
                Arguments.of("null body", bytes("null")),
                Arguments.of("NUL bytes", bytes("{\"anonymousId\":\"a\u0000b\",\"event\":\"E\u0000\"}")),
                Arguments.of("huge number", bytes("{\"anonymousId\":\"a\",\"event\":\"E\",\"properties\":{\"n\":"
                        + "9".repeat(100_000) + "}}")),
                Arguments.of("escaped NUL", bytes("{\"anonymousId\":\"a\",\"event\":\"E\",\"properties\":"
                        + "{\"x\":\"before\\u0000after\"}}")),
                Arguments.of("lone surrogate escape", bytes("{\"anonymousId\":\"\\ud800\",\"event\":\"\\udfff\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePayloads")
    void hostilePayloadIsAnsweredWithoutAServerError(String name, byte[] payload) {
        for (String path : new String[] {"track", "batch"}) {
            Api api = Api.at(port);
            String basic = Base64.getEncoder().encodeToString((PlatformTest.WEB_WRITE_KEY + ":").getBytes());
            var response = api.send(api.request("/v1/" + path).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofByteArray(payload)));

            assertThat(response.status()).as(name + " to /v1/" + path + ": " + response.body()).isBetween(200, 499);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
