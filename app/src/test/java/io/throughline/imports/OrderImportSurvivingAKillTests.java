package io.throughline.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.throughline.support.Api;
import io.throughline.support.KillablePlatform;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The platform is killed with SIGKILL, PostgreSQL with it, in the middle of importing the first months of the
 * Online Retail file (Daqing Chen, UCI Machine Learning Repository, CC BY 4.0). After a restart the import resumes
 * by itself and ends; no order is there twice, every order has its number noted once, and importing the file
 * again finds nothing missing.
 */
class OrderImportSurvivingAKillTests {

    private static final String TOKEN = "tl_kill_import_token_0123456789";
    private static final int LINES = 120_000;

    @AutoClose
    private KillablePlatform platform;

    @Test
    void anImportKilledHalfWayResumesAtTheNextStartWithoutAnOrderImportedTwice() throws Exception {
        assumeTrue(Files.exists(OrderImportFixture.ONLINE_RETAIL),
                "The Online Retail data set is not at " + OrderImportFixture.ONLINE_RETAIL.toAbsolutePath());
        byte[] file = firstLines(LINES);
        platform = KillablePlatform.start("--throughline.bootstrap-api-token=" + TOKEN);
        Api api = platform.api(TOKEN);

        String id = upload(api, file).get("id").asString();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode state = api.get("/api/imports/orders/" + id).json();
            return state.get("linesRead").asLong() >= 10_000 || !state.get("state").asString().equals("RUNNING");
        });
        JsonNode beforeKill = api.get("/api/imports/orders/" + id).json();
        assertThat(beforeKill.get("state").asString()).as("the kill lands while the import runs").isEqualTo("RUNNING");
        platform.killWithDatabase();
        platform.restart();

        JsonNode resumed = finished(api, id);
        assertThat(resumed.get("state").asString()).isEqualTo("DONE");
        assertThat(resumed.get("linesRead").asLong()).isEqualTo(LINES + 1);
        try (Connection db = platform.database()) {
            // The file's invoice numbers are digits; the demo brand's own history is numbered otherwise.
            long orders = count(db, "SELECT count(*) FROM orders.placed_order WHERE number ~ '^[0-9]+$'");
            assertThat(count(db, "SELECT count(DISTINCT number) FROM orders.placed_order")).isEqualTo(
                    count(db, "SELECT count(*) FROM orders.placed_order"));
            assertThat(count(db, "SELECT count(*) FROM imports.imported_document WHERE kind = 'ORDER'"))
                    .isEqualTo(orders).isEqualTo(resumed.get("ordersImported").asLong()).isGreaterThan(4_000);
            await().atMost(Duration.ofMinutes(2)).until(() -> count(db, "SELECT count(*) FROM events.event"
                    + " WHERE name = 'Order Completed' AND payload -> 'properties' ->> 'order_number' ~ '^[0-9]+$'")
                    == orders);
        }

        JsonNode again = finished(api, upload(api, file).get("id").asString());
        assertThat(again.get("ordersImported").asInt()).as("nothing valid was lost").isZero();
        assertThat(again.get("ordersSkipped").asInt()).isGreaterThanOrEqualTo(resumed.get("ordersImported").asInt());
    }

    /** The header and the first lines of the real file, gzip-compressed again, as another export would be. */
    private static byte[] firstLines(int lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(OrderImportFixture.ONLINE_RETAIL)), StandardCharsets.UTF_8));
                Writer writer = new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
            for (int n = 0; n <= lines; n++) {
                writer.write(reader.readLine());
                writer.write('\n');
            }
        }
        return out.toByteArray();
    }

    private static JsonNode upload(Api api, byte[] file) {
        String boundary = "----kill" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\n\r\n"
                + OrderImportFixture.ONLINE_RETAIL_MAPPING + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"first-months.csv.gz\"\r\n"
                + "Content-Type: application/gzip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Api.Response accepted = api.send(api.request("/api/imports/orders")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofByteArray(body.toByteArray())));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.json();
    }

    private static JsonNode finished(Api api, String id) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> !api.get("/api/imports/orders/" + id).json().get("state").asString().equals("RUNNING"));
        return api.get("/api/imports/orders/" + id).json();
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
