package io.throughline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** An administrator, as the brand's privacy officer, works customers' requests through the management API. */
@PlatformTest
class PrivacyOfficerWorkingSubjectRequestsTests {

    @LocalServerPort
    int port;

    Admin admin;
    SubjectRequestFixture fixture;

    @BeforeEach
    void officer() {
        admin = new Admin(port);
        fixture = new SubjectRequestFixture(admin.api());
    }

    @Test
    void aRequestIsDueThirtyDaysAfterItWasReceivedAndKeepsWhoVerifiedItAndHow() {
        String profile = fixture.customer("Zsofia");
        JsonNode received = fixture.received("ACCESS", profile).get("request");
        Instant receivedAt = Instant.parse(received.get("receivedAt").asString());

        assertThat(received.get("state").asString()).isEqualTo("RECEIVED");
        assertThat(Instant.parse(received.get("dueAt").asString())).isEqualTo(receivedAt.plus(Duration.ofDays(30)));

        String id = received.get("id").asString();
        var verified = admin.api().post("/api/privacy/requests/" + id + "/verify",
                "{\"method\":\"SIGNED_IN_ACCOUNT\",\"note\":\"asked from her account page\"}");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        JsonNode view = admin.api().get("/api/privacy/requests/" + id).json();
        assertThat(view.get("request").get("state").asString()).isEqualTo("VERIFIED");
        assertThat(view.get("request").get("verification").asString()).isEqualTo("SIGNED_IN_ACCOUNT");
        assertThat(view.get("request").get("verificationNote").asString()).isEqualTo("asked from her account page");
        String adminId = admin.api().get("/api/me").json().get("id").asString();
        assertThat(view.get("steps").valueStream().map(step -> step.get("state").asString()))
                .containsExactly("RECEIVED", "VERIFIED");
        assertThat(view.get("steps").valueStream().map(step -> step.get("staffId").asString()))
                .containsOnly(adminId);
    }

    @Test
    void nothingIsDoneForARequesterWhoHasNotBeenVerified() {
        String profile = fixture.customer("Petra");
        String id = fixture.received("RESTRICTION", profile).get("request").get("id").asString();

        var early = admin.api().post("/api/privacy/requests/" + id + "/complete", "{}");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(early.json().get("errors").get(0).get("field").asString()).isEqualTo("state");
        assertThat(admin.api().get("/api/privacy/requests/" + id).json().get("request").get("state").asString())
                .isEqualTo("RECEIVED");
    }

    @Test
    void aRestrictedCustomerGetsNoMoreMarketing() {
        String profile = fixture.customer("Ilona");
        fixture.marketingConsent(profile, "email", true);
        String message = fixture.marketingEmail();
        assertThat(fixture.send(message, profile).get("status").asString()).isNotEqualTo("refused");
        String id = fixture.verified("RESTRICTION", profile).get("request").get("id").asString();

        var completed = admin.api().post("/api/privacy/requests/" + id + "/complete", "{\"note\":\"by letter\"}");

        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(completed.json().get("request").get("state").asString()).isEqualTo("COMPLETED");
        JsonNode refused = fixture.send(message, profile);
        assertThat(refused.get("status").asString()).isEqualTo("refused");
        assertThat(refused.get("reason").asString()).isEqualTo("marketing consent for email refused (restriction)");
    }

    @Test
    void aRefusalKeepsItsReasonAndClosesTheRequestForGood() {
        String profile = fixture.customer("Marta");
        String id = fixture.received("ERASURE", profile).get("request").get("id").asString();

        var refused = admin.api().post("/api/privacy/requests/" + id + "/refuse",
                "{\"reason\":\"IDENTITY_NOT_VERIFIED\",\"note\":\"did not answer our email\"}");
        var again = admin.api().post("/api/privacy/requests/" + id + "/verify", "{\"method\":\"OTHER\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.json().get("request").get("refusal").asString()).isEqualTo("IDENTITY_NOT_VERIFIED");
        assertThat(refused.json().get("request").get("closedAt").isNull()).isFalse();
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void openRequestsComeFirstAndOneReceivedLongAgoIsOverdue() {
        String profile = fixture.customer("Agnes");
        var old = admin.api().post("/api/privacy/requests", Api.json(Map.of("kind", "ACCESS", "profileId", profile,
                "receivedVia", "LETTER", "receivedAt", Instant.now().minus(40, ChronoUnit.DAYS).toString())));
        assertThat(old.status()).as(old.body()).isEqualTo(201);
        String closed = fixture.received("ERASURE", profile).get("request").get("id").asString();
        admin.api().post("/api/privacy/requests/" + closed + "/refuse", "{\"reason\":\"EXCESSIVE\"}");

        JsonNode first = admin.api().get("/api/privacy/requests?size=200").json().get("items");

        assertThat(first.get(0).get("request").get("id").asString())
                .isEqualTo(old.json().get("request").get("id").asString());
        assertThat(first.get(0).get("overdue").asBoolean()).isTrue();
        var states = first.valueStream().map(row -> row.get("request").get("state").asString()).toList();
        assertThat(states.indexOf("REFUSED")).isGreaterThan(states.lastIndexOf("RECEIVED"));
    }

    @Test
    void badRequestsNameTheFieldAndOnlyAdministratorsWorkThem() {
        String profile = fixture.customer("Kati");

        var noKind = admin.api().post("/api/privacy/requests", Api.json(Map.of("profileId", profile,
                "receivedVia", "EMAIL")));
        var unknownKind = admin.api().post("/api/privacy/requests", Api.json(Map.of("kind", "FORGET_ME",
                "profileId", profile, "receivedVia", "EMAIL")));
        var future = admin.api().post("/api/privacy/requests", Api.json(Map.of("kind", "ACCESS", "profileId", profile,
                "receivedVia", "EMAIL", "receivedAt", Instant.now().plus(3, ChronoUnit.DAYS).toString())));
        var marketer = Api.at(port).withToken(admin.tokenFor("MARKETER")).get("/api/privacy/requests");

        assertThat(noKind.status()).isEqualTo(400);
        assertThat(noKind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.contentType()).startsWith("application/problem+json");
        assertThat(unknownKind.body()).contains("kind");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("receivedAt");
        assertThat(marketer.status()).isEqualTo(403);
    }
}
