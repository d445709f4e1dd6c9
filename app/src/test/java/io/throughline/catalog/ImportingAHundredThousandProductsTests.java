package io.throughline.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A merchant's whole range in one file, one row in a hundred broken in one of the ways files break. */
@PlatformTest
class ImportingAHundredThousandProductsTests {

    static final int ROWS = 100_000;
    private static final Logger log = LoggerFactory.getLogger(ImportingAHundredThousandProductsTests.class);

    @LocalServerPort
    int port;

    @Autowired
    Catalogue catalogue;

    @Test
    void everyGoodRowIsLoadedAndEveryBadRowReportedWithItsLine() {
        String tag = "hk" + Long.toString(System.nanoTime(), 36);
        String run = String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        assertThat(api().post("/api/catalog/categories", Api.json(Map.of("name", "Bulk " + tag))).status()).isEqualTo(201);
        StringBuilder csv = new StringBuilder("sku,gtin,name,category,description,attributes,image_url,channels\n");
        List<Sku> good = new ArrayList<>();
        Set<Long> badLines = new HashSet<>();
        for (int i = 0; i < ROWS; i++) {
            long line = i + 2;
            String sku = tag + "-" + i;
            String gtin = i % 10 == 0 ? gtin("2" + run + String.format("%07d", i)) : "";
            String category = "Bulk " + tag;
            String image = "https://img.example/" + i + ".jpg";
            if (i % 100 == 37) {
                badLines.add(line);
                switch ((i / 100) % 5) {
                    case 0 -> sku = "bad sku " + i;
                    case 1 -> gtin = "4006381333932";
                    case 2 -> category = "No such/category";
                    case 3 -> image = "javascript:alert(" + i + ")";
                    default -> sku = tag + "-" + (i - 1); // the row above's SKU again
                }
            } else {
                good.add(Sku.of(sku));
            }
            csv.append(sku).append(',').append(gtin).append(",\"Tokaji Aszú, lot ").append(i).append("\",")
                    .append(category).append(",Édes bor,vintage=").append(2000 + i % 24).append(',')
                    .append(image).append(",web;app;shop-tokaj\n");
        }

        long started = System.nanoTime();
        var accepted = api().send(api().request("/api/catalog/imports?fileName=range.csv")
                .header("Content-Type", "text/csv").POST(BodyPublishers.ofString(csv.toString())));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String path = "/api/catalog/imports/" + accepted.json().get("id").asString();
        List<Integer> progress = new ArrayList<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode job = api().get(path).json();
            progress.add(job.get("rowsDone").asInt());
            return !job.get("status").asString().equals("RUNNING");
        });
        log.info("Imported {} rows in {} ms", ROWS, (System.nanoTime() - started) / 1_000_000);

        JsonNode job = api().get(path).json();
        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("totalRows").asInt()).isEqualTo(ROWS);
        assertThat(job.get("rowsLoaded").asInt()).isEqualTo(ROWS - badLines.size());
        assertThat(job.get("rowsFailed").asInt()).isEqualTo(badLines.size());
        assertThat(progress).as("progress is reported while the file loads").isSorted()
                .anyMatch(done -> done > 0 && done < ROWS);

        Set<Long> reported = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode errors = api().get(path + "/errors?size=200&page=" + page).json();
            errors.get("items").forEach(error -> reported.add(error.get("line").asLong()));
            if (!errors.get("hasNext").asBoolean()) {
                break;
            }
        }
        assertThat(reported).isEqualTo(badLines);

        int found = 0;
        for (int from = 0; from < good.size(); from += 10_000) {
            found += catalogue.items(good.subList(from, Math.min(good.size(), from + 10_000))).size();
        }
        assertThat(found).isEqualTo(good.size());
    }

    private static String gtin(String payload) {
        return payload + Gtin.checkDigit(payload);
    }

    private Api api() {
        return Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }
}
