package io.throughline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.privacy.CustomerEverywhereFixture.Customer;
import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The canary: a customer whose every piece of data carries her own token is erased, and then no text, character,
 * array or JSON column of any table in the database (read from the catalogue, so tables added later are scanned
 * too) holds her token or her phone number; another customer's data is as it was.
 */
@PlatformTest
class ErasingACustomerEverywhereTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personalData;

    CustomerEverywhereFixture fixture;
    Api admin;

    @BeforeEach
    void setUp() {
        fixture = new CustomerEverywhereFixture(port);
        admin = new Admin(port).api();
    }

    @Test
    void afterErasureNoColumnOfAnyTableHoldsHerValuesAndAnotherCustomerKeepsAllOfHers() throws IOException {
        Customer erased = fixture.customer();
        Customer kept = fixture.customer();
        assertThat(columnsHolding(erased.token(), erased.phone())).as("the canary's data before erasure")
                .containsKeys("customers.profile", "customers.trait", "events.event", "orders.placed_order",
                        "orders.order_return", "messaging.sink_message", "journeys.instance", "carts.cart");
        Map<String, Integer> keptBefore = rowsPerTable(kept.profileId());

        var response = admin.delete("/api/privacy/customers/" + erased.profileId() + "?requestReference=DSR-1");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(columnsHolding(erased.token(), erased.phone())).as("columns still holding the erased customer")
                .isEmpty();
        assertThat(rowsPerTable(kept.profileId())).as("the other customer's rows per table").isEqualTo(keptBefore);
        assertThat(columnsHolding(kept.token(), kept.phone())).containsKeys("customers.profile", "events.event",
                "orders.placed_order", "messaging.sink_message", "journeys.instance");
        // Kept for accounting, anonymised: her order is still there, leading to nobody.
        assertThat(jdbc.sql("SELECT profile_id IS NULL AND address IS NULL FROM orders.placed_order WHERE id = ?::uuid")
                .param(erased.orderId()).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM privacy.consent WHERE profile_id = ?::uuid")
                .param(erased.profileId()).query(Long.class).single()).isZero();
    }

    @Test
    void theSignedReceiptSaysWhatWasDonePerTableAndDetectsTampering() {
        Customer customer = fixture.customer();

        ErasureReceipt receipt = personalData.erase(UUID.fromString(customer.profileId()), "DSR-2");

        assertThat(receipt.erasedProfileIds()).as("her profile and the second device's, merged into it")
                .hasSize(2).contains(UUID.fromString(customer.profileId()));
        assertThat(rows(receipt, "customers.profile")).isEqualTo(2);
        assertThat(rows(receipt, "customers.merge")).isEqualTo(1);
        assertThat(rows(receipt, "events.event")).isGreaterThanOrEqualTo(2);
        assertThat(rows(receipt, "privacy.consent")).isEqualTo(2);
        assertThat(rows(receipt, "orders.placed_order")).isEqualTo(1);
        assertThat(receipt.tables()).filteredOn(t -> t.table().equals("orders.placed_order"))
                .extracting(ErasureReceipt.TableErasure::action).containsExactly(ErasureAction.ANONYMISE);
        assertThat(personalData.verify(receipt)).isTrue();
        var tampered = new ErasureReceipt(receipt.profileId(), receipt.erasedProfileIds(), "DSR-other",
                receipt.erasedAt(), receipt.tables(), receipt.signature());
        assertThat(personalData.verify(tampered)).isFalse();
        var checked = admin.post("/api/privacy/receipts/verify", Api.json(receipt));
        assertThat(checked.json().get("valid").asBoolean()).as(checked.body()).isTrue();
        ErasureReceipt again = personalData.erase(UUID.fromString(customer.profileId()), "DSR-2 again");
        assertThat(again.rowsTouched()).isZero();
    }

    @Test
    void noChannelRecreatesAnErasedCustomerUntilHerSuppressionIsLifted() {
        Customer customer = fixture.customer();
        personalData.erase(UUID.fromString(customer.profileId()), "DSR-3");
        Collector web = new Collector(port, PlatformTest.WEB_WRITE_KEY);

        var sent = web.send("identify", Api.json(Map.of("anonymousId", "fresh-" + UUID.randomUUID(),
                "traits", Map.of("email", customer.email().toUpperCase(), "firstName", "Back" + customer.token()))));
        var byStaff = admin.post("/api/customers", Api.json(Map.of("givenName", "Again", "phone", customer.phone())));

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(byStaff.status()).as(byStaff.body()).isEqualTo(409);
        assertThat(byStaff.json().get("errors").get(0).get("field").asString()).isEqualTo("phone");
        assertThat(columnsHolding(customer.token(), customer.phone())).as("what the channel brought back").isEmpty();

        var lifted = admin.post("/api/privacy/suppressions/lift",
                Api.json(Map.of("type", "email", "value", customer.email())));
        assertThat(lifted.json().get("lifted").asBoolean()).as(lifted.body()).isTrue();
        var back = web.send("identify", Api.json(Map.of("anonymousId", "fresh-" + UUID.randomUUID(),
                "traits", Map.of("email", customer.email(), "firstName", "Back" + customer.token()))));
        assertThat(back.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM customers.identity WHERE type = 'email' AND value = ?")
                .param(customer.email()).query(Long.class).single() == 1);
    }

    @Test
    void theExportHoldsHerRowsOfEveryModuleAsJsonAndCsv() throws IOException {
        Customer customer = fixture.customer();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();

        personalData.export(UUID.fromString(customer.profileId()), zip);

        Map<String, String> files = unzip(zip.toByteArray());
        assertThat(files).containsKeys("manifest.json", "customers/profile.json", "customers/profile.csv",
                "events/event.json", "events/event.csv", "orders/placed_order.json", "orders/order_return.csv",
                "messaging/sink_message.json", "journeys/instance.json", "carts/cart.csv", "privacy/consent.json");
        assertThat(files.get("customers/profile.json")).contains("Given" + customer.token());
        assertThat(files.get("events/event.csv")).contains("note-" + customer.token());
        assertThat(files.get("orders/placed_order.json")).contains("Canary utca " + customer.token());
        assertThat(files.get("messaging/sink_message.json")).contains("Given" + customer.token());
        assertThat(files.get("journeys/instance.json")).contains("journey-" + customer.token());
        var api = admin.get("/api/privacy/customers/" + customer.profileId() + "/export");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.contentType()).isEqualTo("application/zip");
    }

    @Test
    void erasureAnswersAProblemForAMissingReferenceAnUnknownCustomerAndAnyoneButAnAdministrator() {
        var noReference = admin.delete("/api/privacy/customers/" + UUID.randomUUID());
        var unknown = admin.delete("/api/privacy/customers/" + UUID.randomUUID() + "?requestReference=DSR-9");
        var agent = Api.at(port).withToken(new Admin(port).tokenFor("AGENT"))
                .delete("/api/privacy/customers/" + UUID.randomUUID() + "?requestReference=DSR-9");

        assertThat(noReference.status()).isEqualTo(400);
        assertThat(noReference.contentType()).startsWith("application/problem+json");
        assertThat(noReference.json().get("errors").get(0).get("field").asString()).isEqualTo("requestReference");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(agent.status()).isEqualTo(403);
    }

    private static long rows(ErasureReceipt receipt, String table) {
        return receipt.tables().stream().filter(t -> t.table().equals(table)).mapToLong(ErasureReceipt.TableErasure::rows)
                .sum();
    }

    /** Per table, the text, array and JSON columns (of every schema) whose value contains one of the strings. */
    private Map<String, List<String>> columnsHolding(String... values) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT n.nspname AS schema, c.relname AS name, a.attname AS col
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                JOIN pg_type t ON t.oid = a.atttypid
                WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                  AND (t.typname IN ('text', 'varchar', 'bpchar', 'json', 'jsonb', 'name', 'tsvector')
                       OR t.typcategory = 'A')""").query(rs -> {
            columns.computeIfAbsent(rs.getString("schema") + "." + rs.getString("name"), k -> new ArrayList<>())
                    .add(rs.getString("col"));
        });
        Map<String, List<String>> holding = new LinkedHashMap<>();
        columns.forEach((table, cols) -> {
            for (String col : cols) {
                for (String value : values) {
                    String sql = "SELECT EXISTS (SELECT 1 FROM " + table + " WHERE \"" + col
                            + "\"::text ILIKE '%' || ? || '%')";
                    if (Boolean.TRUE.equals(jdbc.sql(sql).param(value).query(Boolean.class).single())) {
                        holding.computeIfAbsent(table, k -> new ArrayList<>()).add(col);
                        break;
                    }
                }
            }
        });
        return holding;
    }

    /** The other customer's rows per table, as her export counts them. */
    private Map<String, Integer> rowsPerTable(String profileId) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        personalData.export(UUID.fromString(profileId), zip);
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (var table : new tools.jackson.databind.ObjectMapper().readTree(unzip(zip.toByteArray()).get("manifest.json"))
                .get("tables")) {
            rows.put(table.get("table").asString(), table.get("rows").asInt());
        }
        return rows;
    }

    private static Map<String, String> unzip(byte[] bytes) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
