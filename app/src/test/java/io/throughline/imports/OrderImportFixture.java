package io.throughline.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.OnlineRetail;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Uploading order history files with their mapping, and waiting for their imports to end. */
final class OrderImportFixture {

    static final Path ONLINE_RETAIL = OnlineRetail.FILE;

    /** The mapping that takes the Online Retail file as it is (the one docs/API.md shows). */
    static final String ONLINE_RETAIL_MAPPING = """
            {"columns": {"orderNumber": "InvoiceNo", "time": "InvoiceDate", "sku": "StockCode",
                         "description": "Description", "quantity": "Quantity", "unitPrice": "UnitPrice",
                         "customer": "CustomerID", "country": "Country"},
             "timeFormat": "yyyy-MM-dd HH:mm:ss", "timeZone": "Europe/London", "customerType": "user_id",
             "currency": "GBP", "channel": "web", "cancellationPrefix": "C", "unknownProducts": "CREATE",
             "charges": ["POST", "DOT", "M", "C2", "D", "S", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS", "B"],
             "zeroPrice": "REPORT"}""";

    private final int port;

    OrderImportFixture(int port) {
        this.port = port;
    }

    Api api() {
        return Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }

    Api.Response upload(String fileName, byte[] file, String mapping) {
        String boundary = "----import" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + mapping + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(file);
        write(body, "\r\n--" + boundary + "--\r\n");
        return api().send(api().request("/api/imports/orders")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofByteArray(body.toByteArray())));
    }

    Api.Response upload(String csv, String mapping) {
        return upload("orders.csv", csv.getBytes(StandardCharsets.UTF_8), mapping);
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    JsonNode finished(Api.Response accepted, Duration atMost) {
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String path = "/api/imports/orders/" + accepted.json().get("id").asString();
        await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> !api().get(path).json().get("state").asString().equals("RUNNING"));
        return api().get(path).json();
    }

    JsonNode errors(JsonNode finished) {
        return api().get("/api/imports/orders/" + finished.get("id").asString() + "/errors?size=200").json();
    }

    private static void write(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
