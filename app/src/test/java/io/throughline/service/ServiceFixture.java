package io.throughline.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/** The inbox as the tests drive it: its settings, emails posted to its webhook, agents and their tokens. */
final class ServiceFixture {

    static final String SECRET = "test-inbound-email-secret";

    final Admin admin;
    final Api api;
    final int port;

    ServiceFixture(int port) {
        this.port = port;
        this.admin = new Admin(port);
        this.api = admin.api();
        settings(Map.of("inbound-email-secret", SECRET));
    }

    void settings(Map<String, String> changes) {
        var changed = api.put("/api/service/settings", Api.json(changes));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String email(String name) {
        return unique(name) + "@example.com";
    }

    /** An email as a mail service would post it: plain text, optionally answering earlier ones. */
    static String mail(String from, String subject, String messageId, String inReplyTo, String text) {
        return "From: Customer <" + from + ">\r\n"
                + "To: help@tokaj-cellars.example\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + (inReplyTo.isEmpty() ? "" : "In-Reply-To: " + inReplyTo + "\r\nReferences: " + inReplyTo + "\r\n")
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + text + "\r\n";
    }

    static String messageId() {
        return "<" + UUID.randomUUID() + "@mail.example.com>";
    }

    Api.Response postMail(String raw) {
        return postMail(raw, sign(raw.getBytes(StandardCharsets.UTF_8), SECRET));
    }

    Api.Response postMail(String raw, String signature) {
        return api.send(Api.at(port).request("/m/service/email")
                .header("Content-Type", "message/rfc822")
                .header("X-Throughline-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw.getBytes(StandardCharsets.UTF_8))));
    }

    /** A stored email's answer: its conversation. */
    String stored(Api.Response posted) {
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        assertThat(posted.json().get("status").asString()).isEqualTo("stored");
        return posted.json().get("conversationId").asString();
    }

    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    JsonNode thread(String conversationId) {
        var thread = api.get("/api/service/conversations/" + conversationId);
        assertThat(thread.status()).as(thread.body()).isEqualTo(200);
        return thread.json();
    }

    /** A new agent with her token and staff id, taking up to {@code capacity} cases. */
    AgentLogin agent(int capacity) {
        String token = admin.tokenFor("AGENT");
        String staffId = Api.at(port).withToken(token).get("/api/me").json().get("id").asString();
        var made = api.put("/api/service/agents/" + staffId, Api.json(Map.of("capacity", capacity, "available", true)));
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        return new AgentLogin(staffId, Api.at(port).withToken(token));
    }

    record AgentLogin(String staffId, Api api) {}
}
