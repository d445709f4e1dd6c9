package io.throughline.support;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A channel sending events to the Segment-compatible collection API with its write key. */
public final class Collector {

    private final Api api;
    private final String writeKey;

    public Collector(int port, String writeKey) {
        this.api = Api.at(port);
        this.writeKey = writeKey;
    }

    /** Posts to {@code /v1/<path>} with the write key as HTTP Basic user name, as analytics-node does. */
    public Api.Response send(String path, String json) {
        String basic = Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        return api.send(api.request("/v1/" + path).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }

    /** Posts without any credentials, the write key only in the body if the caller put it there. */
    public Api.Response sendUnauthenticated(String path, String json) {
        return api.post("/v1/" + path, json);
    }
}
