package io.throughline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Verified requests are carried out through the personal-data engine: an export to download, an erasure. */
@PlatformTest
class PrivacyOfficerFulfillingRequestsTests {

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
    void anAccessRequestIsCompletedByDownloadingHerDataAsAZipAndTheReadIsAudited() throws Exception {
        String profile = fixture.customer("Hanna");
        String id = fixture.verified("PORTABILITY", profile).get("request").get("id").asString();

        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(admin.api()
                .request("/api/privacy/requests/" + id + "/export").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        List<String> entries = new ArrayList<>();
        String profileJson = "";
        try (ZipInputStream read = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry = read.getNextEntry(); entry != null; entry = read.getNextEntry()) {
                entries.add(entry.getName());
                if (entry.getName().equals("customers/profile.json")) {
                    profileJson = new String(read.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(entries).contains("manifest.json", "customers/profile.json", "customers/profile.csv");
        assertThat(profileJson).contains("Hanna");
        assertThat(admin.api().get("/api/privacy/requests/" + id).json().get("request").get("state").asString())
                .isEqualTo("COMPLETED");
        assertThat(admin.api().get("/api/privacy/access-log?profileId=" + profile).json().valueStream()
                .map(access -> access.get("action").asString())).contains("subject-request:export");
    }

    @Test
    void anExportIsRefusedAsAProblemUntilTheRequesterIsVerified() {
        String profile = fixture.customer("Nora");
        String id = fixture.received("ACCESS", profile).get("request").get("id").asString();

        var early = admin.api().get("/api/privacy/requests/" + id + "/export");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anErasureRequestErasesHerAndKeepsTheSignedReceiptWithTheRequest() {
        String profile = fixture.customer("Edit");
        String id = fixture.verified("ERASURE", profile).get("request").get("id").asString();

        var completed = admin.api().post("/api/privacy/requests/" + id + "/complete", "{}");

        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        JsonNode request = completed.json().get("request");
        assertThat(request.get("state").asString()).isEqualTo("COMPLETED");
        JsonNode receipt = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN).get("/api/privacy/requests/" + id)
                .json().get("request").get("erasureReceipt");
        JsonNode parsed = tools.jackson.databind.json.JsonMapper.builder().build().readTree(receipt.asString());
        assertThat(parsed.get("profileId").asString()).isEqualTo(profile);
        assertThat(parsed.get("requestReference").asString()).isEqualTo("subject-request:" + id);
        assertThat(parsed.get("signature").asString()).isNotBlank();
        assertThat(admin.api().get("/api/customers/" + profile).status()).isEqualTo(404);
    }
}
