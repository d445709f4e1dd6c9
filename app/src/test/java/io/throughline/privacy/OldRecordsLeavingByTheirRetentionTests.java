package io.throughline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.carts.CartFixture;
import io.throughline.support.Admin;
import io.throughline.support.PlatformTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Records older than their retention period leave when the job runs, table by table, and the run is recorded and
 * logged with counts only. Set-up makes real records through the API, then ages some of them in the database, as
 * time would.
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class OldRecordsLeavingByTheirRetentionTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void oldDeliveriesCartsAuditRowsAndSupersededProofsGoWhileRecentOnesAndTheProofInForceStay(CapturedOutput output) {
        Admin admin = new Admin(port);
        SubjectRequestFixture fixture = new SubjectRequestFixture(admin.api());
        String profile = fixture.customer("Vera");
        String email = admin.api().get("/api/customers/" + profile).json().get("profile").get("email").asString();
        fixture.marketingConsent(profile, "email", true);
        String message = fixture.marketingEmail();
        String oldDelivery = fixture.send(message, profile).get("id").asString();
        String recentDelivery = fixture.send(message, profile).get("id").asString();
        age("messaging.delivery", "created_at", "id", oldDelivery, Duration.ofDays(500));

        CartFixture carts = new CartFixture(port);
        String sku = carts.product("Retention Furmint", List.of("web"), "99.00");
        carts.receive(sku, "warehouse-tokaj", 5);
        String oldCart = carts.anonymousCart("web");
        carts.added(oldCart, "web", sku, 1);
        String recentCart = carts.anonymousCart("web");
        jdbc.sql("UPDATE carts.cart SET updated_at = ?, expires_at = ? WHERE id = ?::uuid")
                .params(daysAgo(200), daysAgo(199), oldCart).update();

        admin.api().get("/api/customers/" + profile);
        jdbc.sql("UPDATE privacy.access_log SET accessed_at = ? WHERE profile_id = ?::uuid")
                .params(daysAgo(800), profile).update();
        admin.api().get("/api/customers/" + profile);

        UUID proofProfile = UUID.randomUUID();
        for (String change : List.of("GRANTED", "WITHDRAWN")) {
            jdbc.sql("""
                    INSERT INTO privacy.consent_proof (profile_id, purpose, channel, change, wording_version, language,
                                                       source, recorded_at)
                    VALUES (?, 'marketing', 'sms', ?, '2026-12-07', 'hu', 'preference-centre', ?)""")
                    .params(proofProfile, change, daysAgo(1200)).update();
        }

        var ran = admin.api().post("/api/privacy/retention/runs", "");

        assertThat(ran.status()).as(ran.body()).isEqualTo(201);
        JsonNode removed = ran.json().get("removed");
        assertThat(removed.get("messaging.delivery").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(removed.get("carts.cart").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(removed.get("privacy.access_log").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(removed.get("privacy.consent_proof").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(ran.json().get("failed").size()).isZero();

        assertThat(exists("messaging.delivery", oldDelivery)).isFalse();
        assertThat(exists("messaging.delivery", recentDelivery)).isTrue();
        assertThat(exists("carts.cart", oldCart)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM carts.line WHERE cart_id = ?::uuid").param(oldCart)
                .query(Long.class).single()).isZero();
        assertThat(exists("carts.cart", recentCart)).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM privacy.access_log WHERE profile_id = ?::uuid").param(profile)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT change FROM privacy.consent_proof WHERE profile_id = ?").param(proofProfile)
                .query(String.class).list()).containsExactly("WITHDRAWN");

        JsonNode latest = admin.api().get("/api/privacy/retention/runs?limit=1").json().get(0);
        assertThat(latest.get("id").asString()).isEqualTo(ran.json().get("id").asString());
        assertThat(output.getAll()).contains("Retention removed").contains("messaging.delivery=")
                .doesNotContain(email).doesNotContain(profile);
    }

    @Test
    void onlyAdministratorsSeeOrRunIt() {
        Admin admin = new Admin(port);
        var marketer = io.throughline.support.Api.at(port).withToken(admin.tokenFor("MARKETER"));

        assertThat(marketer.post("/api/privacy/retention/runs", "").status()).isEqualTo(403);
        assertThat(admin.api().get("/api/privacy/retention/runs?limit=0").status()).isEqualTo(400);
    }

    private void age(String table, String column, String idColumn, String id, Duration by) {
        jdbc.sql("UPDATE " + table + " SET " + column + " = ? WHERE " + idColumn + " = ?::uuid")
                .params(Timestamp.from(Instant.now().minus(by)), id).update();
    }

    private boolean exists(String table, String id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id = ?::uuid)").param(id)
                .query(Boolean.class).single();
    }

    private static Timestamp daysAgo(int days) {
        return Timestamp.from(Instant.now().minus(Duration.ofDays(days)));
    }
}
