package io.throughline.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Five customers in March 2019 on a web channel and a shop of their own, counted by hand (orders in CHF, which no
 * other test sells in):
 *
 * <pre>
 * A  Feb 10 web order 30;  Mar 1 web email sent and opened;  Mar 2 page, add, web order 100;  Mar 20 shop order 50
 * B  Mar 5 page, add, no order; email sent; opts in to marketing email
 * C  Mar 7 shop page, shop order 150
 * D  Feb 20 web order 40;  Mar 8 opts out of marketing email (on the web)
 * E  Mar 9 web page, email sent, opened and clicked, a failed payment, web order 70
 * </pre>
 *
 * plus marketing spend for March: 300 on the web, 100 in the shop.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystReadingKpisOverAHandCountedMonthTests {

    private static final String PERIOD = "from=2019-03-01&to=2019-04-01&currency=CHF";

    @LocalServerPort
    int port;

    private Api analyst;
    private Api marketer;
    private String web;
    private String shop;
    private final String run = Long.toString(System.nanoTime(), 36);

    @BeforeAll
    void customersBehaveInMarch() {
        Admin admin = new Admin(port);
        analyst = Api.at(port).withToken(admin.tokenFor("ANALYST"));
        marketer = Api.at(port).withToken(admin.tokenFor("MARKETER"));
        web = "kpiweb-" + run;
        shop = "kpishop-" + run;
        Collector webSource = source(admin.api(), web, "WEB");
        Collector shopSource = source(admin.api(), shop, "STORE");

        List<String> onWeb = new ArrayList<>();
        List<String> inShop = new ArrayList<>();
        onWeb.add(order("A", "2019-02-10T10:00:00Z", "a0", "30.00"));
        onWeb.add(track("A", "Message Sent", "2019-03-01T09:00:00Z"));
        onWeb.add(track("A", "Message Opened", "2019-03-01T09:30:00Z"));
        onWeb.add(page("A", "2019-03-02T10:00:00Z"));
        onWeb.add(track("A", "Product Added", "2019-03-02T10:05:00Z"));
        onWeb.add(order("A", "2019-03-02T10:10:00Z", "a1", "100.00"));
        inShop.add(order("A", "2019-03-20T15:00:00Z", "a2", "50.00"));
        onWeb.add(page("B", "2019-03-05T10:00:00Z"));
        onWeb.add(track("B", "Product Added", "2019-03-05T10:01:00Z"));
        onWeb.add(track("B", "Message Sent", "2019-03-05T12:00:00Z"));
        onWeb.add(consent("B", "2019-03-05T12:30:00Z", true));
        inShop.add(page("C", "2019-03-07T11:00:00Z"));
        inShop.add(order("C", "2019-03-07T11:20:00Z", "c1", "150.00"));
        onWeb.add(order("D", "2019-02-20T10:00:00Z", "d0", "40.00"));
        onWeb.add(consent("D", "2019-03-08T08:00:00Z", false));
        onWeb.add(page("E", "2019-03-09T18:00:00Z"));
        onWeb.add(track("E", "Message Sent", "2019-03-09T18:01:00Z"));
        onWeb.add(track("E", "Message Opened", "2019-03-09T18:02:00Z"));
        onWeb.add(track("E", "Message Clicked", "2019-03-09T18:03:00Z"));
        onWeb.add(track("E", "Payment Failed", "2019-03-09T18:10:00Z"));
        onWeb.add(order("E", "2019-03-09T18:12:00Z", "e1", "70.00"));
        var webSent = webSource.send("batch", "{\"batch\":[" + String.join(",", onWeb) + "]}");
        assertThat(webSent.status()).as(webSent.body()).isEqualTo(200);
        var shopSent = shopSource.send("batch", "{\"batch\":[" + String.join(",", inShop) + "]}");
        assertThat(shopSent.status()).as(shopSent.body()).isEqualTo(200);

        var spend = marketer.send(marketer.request("/api/analytics/spend/import").header("Content-Type", "text/csv")
                .POST(BodyPublishers.ofString("month,channel,campaign,amount,currency\n"
                        + "2019-03," + web + ",spring,300.00,CHF\n2019-03," + shop + ",window,100.00,CHF\n")));
        assertThat(spend.status()).as(spend.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> kpi("orders", "").get("value").asDouble() == 4
                && kpi("opt-in-rate", "").get("denominator").asDouble() == 2);
    }

    @Test
    void salesFiguresAreCountedOnceAcrossChannels() {
        assertThat(value("orders", "")).isEqualTo(4);
        assertThat(value("revenue", "")).isEqualTo(37_000);
        assertThat(value("average-order-value", "")).isEqualTo(9_250);
        assertThat(value("revenue-per-customer", "")).isCloseTo(37_000 / 3.0, within(0.01));
        assertThat(value("repeat-purchase-rate", "")).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(value("new-customers", "")).isEqualTo(2);
        assertThat(value("cltv-historical", "")).isEqualTo(44_000 / 4.0);
        assertThat(kpi("orders", "").get("previous").asDouble()).as("February's two orders").isEqualTo(2);
    }

    @Test
    void aChannelCountsOnlyWhatHappenedInIt() {
        assertThat(value("orders", web)).isEqualTo(2);
        assertThat(value("average-order-value", web)).isEqualTo(8_500);
        assertThat(value("repeat-purchase-rate", web)).isZero();
        // A, B, D and E were active on the web; A and E ordered there.
        assertThat(value("conversion-rate", web)).isEqualTo(0.5);
        // Only E's first order was on the web in March: A's first was in February.
        assertThat(value("customer-acquisition-cost", web)).isEqualTo(30_000);
    }

    @Test
    void customersComingBackAndLeavingAreRetentionAndChurn() {
        // February's buyers were A and D; A came back.
        assertThat(value("retention-rate", "")).isEqualTo(0.5);
        assertThat(value("churn-rate", "")).isEqualTo(0.5);
        assertThat(value("conversion-rate", "")).isCloseTo(3 / 5.0, within(1e-9));
    }

    @Test
    void crossChannelFiguresFollowTheCustomerNotTheChannel() {
        assertThat(value("cross-channel-rate", "")).isCloseTo(1 / 5.0, within(1e-9));
        assertThat(value("channel-switches", "")).isEqualTo(1);
    }

    @Test
    void engagementCartsPaymentsAndConsentAreSharesOfTheirOwnEvents() {
        assertThat(value("open-rate", "")).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(value("click-rate", "")).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(value("abandoned-cart-rate", "")).isEqualTo(0.5);
        assertThat(value("failed-payment-rate", "")).isCloseTo(1 / 5.0, within(1e-9));
        assertThat(value("opt-in-rate", "")).isEqualTo(0.5);
    }

    @Test
    void spendGivesAcquisitionCostAndReturnOnMarketing() {
        assertThat(value("customer-acquisition-cost", "")).isEqualTo(20_000);
        assertThat(value("marketing-roi", "")).isCloseTo((37_000 - 40_000) / 40_000.0, within(1e-9));
        assertThat(value("cltv-predicted", "")).isPositive();
    }

    @Test
    void everyKpiComesWithItsVersionAndFormula() {
        JsonNode all = analyst.get("/api/analytics/kpis?" + PERIOD).json();
        assertThat(all.size()).isEqualTo(Kpi.values().length);
        for (JsonNode kpi : all) {
            assertThat(kpi.get("version").asInt()).isPositive();
            assertThat(kpi.get("formula").asString()).endsWith(".");
        }
    }

    @Test
    void theFunnelCountsCustomersStepByStepWithinEachWindow() {
        var funnel = analyst.post("/api/analytics/funnels", Api.json(Map.of("from", "2019-03-01", "to", "2019-04-01",
                "steps", List.of(Map.of("event", "Wines"), Map.of("event", "Product Added", "windowHours", 1),
                        Map.of("event", "Order Completed", "windowHours", 1)))));
        assertThat(funnel.status()).as(funnel.body()).isEqualTo(200);
        // A page is counted by its name. A, B and E viewed "Wines" on the web, C in the shop; A and B added, A bought.
        JsonNode byChannel = funnel.json().get("byChannel");
        assertThat(byChannel.get(web).valueStream().map(JsonNode::asLong).toList()).containsExactly(3L, 2L, 1L);
        assertThat(byChannel.get(shop).valueStream().map(JsonNode::asLong).toList()).containsExactly(1L, 0L, 0L);
    }

    @Test
    void theCustomersAtAStepAreOpenedOnlyAsAnAuditedRead() {
        Map<String, Object> request = Map.of("from", "2019-03-01", "to", "2019-04-01", "step", 3, "steps",
                List.of(Map.of("event", "Wines"), Map.of("event", "Product Added", "windowHours", 1),
                        Map.of("event", "Order Completed", "windowHours", 1)));
        assertThat(analyst.post("/api/analytics/funnels/customers", Api.json(request)).status()).isEqualTo(403);

        var customers = marketer.post("/api/analytics/funnels/customers", Api.json(request));

        assertThat(customers.status()).as(customers.body()).isEqualTo(200);
        Admin admin = new Admin(port);
        String a = admin.profileOf("user_id:" + user("A"));
        assertThat(customers.json().valueStream().map(c -> c.get("profileId").asString()).toList()).contains(a);
        assertThat(admin.api().get("/api/privacy/access-log?profileId=" + a).body())
                .contains("analytics:funnel-customers");
    }

    @Test
    void cohortsFollowTheirFirstPurchaseMonthAndChannel() {
        JsonNode byMonth = analyst.get("/api/analytics/cohorts?from=2019-02-01&to=2019-04-01&currency=CHF").json()
                .get("cohorts");
        assertThat(byMonth).isEqualTo(tools.jackson.databind.json.JsonMapper.builder().build().readTree(Api.json(List.of(
                Map.of("key", "2019-02", "customers", 2, "active", List.of(2, 1), "revenueMinor", List.of(7000, 15000)),
                Map.of("key", "2019-03", "customers", 2, "active", List.of(2), "revenueMinor", List.of(22000))))));
        JsonNode sales = analyst.get("/api/analytics/sales?from=2019-02-01&to=2019-04-01&currency=CHF").json();
        assertThat(sales.valueStream().map(row -> row.get("month").asString() + ":" + row.get("orders") + ":"
                + row.get("revenueMinor") + ":" + row.get("averageOrderValueMinor")).toList())
                .containsExactly("2019-02:2:7000:3500.0", "2019-03:4:37000:9250.0");
        JsonNode byChannel = analyst.get("/api/analytics/cohorts?groupBy=first-channel&from=2019-02-01"
                + "&to=2019-04-01&currency=CHF").json().get("cohorts");
        assertThat(byChannel.valueStream().map(c -> c.get("key").asString() + c.get("active")).toList())
                .containsExactlyInAnyOrder(shop + "[1]", web + "[3,1]");
    }

    @Test
    void attributionModelsShareTheMonthsRevenueSideBySide() {
        var report = analyst.get("/api/analytics/attribution?" + PERIOD + "&lookbackDays=30");

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode credits = report.json().get("credits");
        assertThat(report.json().get("conversions").asLong()).isEqualTo(4);
        assertThat(credits.get("LAST_TOUCH").get(web).asDouble()).isEqualTo(17_000);
        assertThat(credits.get("LAST_TOUCH").get(shop).asDouble()).isEqualTo(20_000);
        for (AttributionModel model : AttributionModel.values()) {
            assertThat(credits.get(model.name()).valueStream().mapToDouble(JsonNode::asDouble).sum()).as(model.name())
                    .isCloseTo(37_000, within(0.01));
        }
    }

    @Test
    void nonsenseIsRefusedAtItsField() {
        var unknown = analyst.get("/api/analytics/kpis/happiness?" + PERIOD);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        var inverted = analyst.get("/api/analytics/kpis/orders?from=2019-04-01&to=2019-03-01");
        assertThat(inverted.status()).isEqualTo(400);
        assertThat(inverted.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        var wrongColumns = marketer.send(marketer.request("/api/analytics/spend/import")
                .header("Content-Type", "text/csv").POST(BodyPublishers.ofString("when,where,cost\n2019-03,web,1\n")));
        assertThat(wrongColumns.status()).isEqualTo(400);
        assertThat(wrongColumns.contentType()).startsWith("application/problem+json");
        assertThat(wrongColumns.json().get("errors").get(0).get("field").asString()).isEqualTo("header");
        var negative = marketer.send(marketer.request("/api/analytics/spend/import").header("Content-Type", "text/csv")
                .POST(BodyPublishers.ofString("month,channel,campaign,amount,currency\n"
                        + "2019-05," + web + ",may,-5.00,CHF\n2019-05," + web + ",may,12.00,CHF\n")));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.contentType()).startsWith("application/problem+json");
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("line 2.amount");
        assertThat(negative.json().get("recorded").asInt()).as("the good row is kept").isEqualTo(1);
        var viaApi = marketer.put("/api/analytics/spend", Api.json(List.of(Map.of("month", "2019-05", "channel", web,
                "campaign", "may", "amount", -1, "currency", "CHF"))));
        assertThat(viaApi.status()).isEqualTo(400);
        assertThat(viaApi.json().get("errors").get(0).get("field").asString()).isEqualTo("[0].amount");
        assertThat(analyst.put("/api/analytics/spend", "[]").status()).isEqualTo(403);
    }

    @Test
    void theJourneyMapPlacesCustomersInStagesByTheBrandsRulesAndChannels() {
        assertThat(analyst.put("/api/analytics/journey-map/rules", "{}").status()).isEqualTo(403);
        var unknownStage = marketer.put("/api/analytics/journey-map/rules", Api.json(Map.of("DELIGHT", List.of("x"))));
        assertThat(unknownStage.status()).isEqualTo(400);
        assertThat(unknownStage.json().get("errors").get(0).get("field").asString()).isEqualTo("DELIGHT");
        var rules = marketer.put("/api/analytics/journey-map/rules", Api.json(Map.of(
                "AWARENESS", List.of("Wines", "Message Opened"), "CONSIDERATION", List.of("Product Added"),
                "DECISION", List.of("Order Completed"))));
        assertThat(rules.status()).as(rules.body()).isEqualTo(200);

        JsonNode map = analyst.get("/api/analytics/journey-map?from=2019-03-01&to=2019-04-01").json();

        assertThat(map.get("customers").get("AWARENESS").asLong()).isEqualTo(4);
        assertThat(map.get("byChannel").get("AWARENESS").get(web).asLong()).isEqualTo(3);
        assertThat(map.get("byChannel").get("AWARENESS").get(shop).asLong()).isEqualTo(1);
        assertThat(map.get("customers").get("CONSIDERATION").asLong()).isEqualTo(2);
        assertThat(map.get("byChannel").get("DECISION").get(shop).asLong()).isEqualTo(1);
        assertThat(map.get("customers").get("DECISION").asLong()).isEqualTo(3);
        assertThat(map.get("flows").valueStream().map(flow -> flow.get("from").asString() + ":"
                + flow.get("customers")).toList()).containsExactlyInAnyOrder("AWARENESS:2", "CONSIDERATION:1");
    }

    private double value(String key, String channel) {
        return kpi(key, channel).get("value").asDouble();
    }

    private JsonNode kpi(String key, String channel) {
        var answer = analyst.get("/api/analytics/kpis/" + key + "?" + PERIOD
                + (channel.isEmpty() ? "" : "&channel=" + channel));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private Collector source(Api admin, String channel, String type) {
        var source = admin.post("/api/sources", Api.json(Map.of("name", channel, "channel", channel,
                "channelType", type, "trust", "SERVER")));
        assertThat(source.status()).as(source.body()).isEqualTo(201);
        var key = admin.post("/api/sources/" + source.json().get("id").asString() + "/write-keys", "").json();
        return new Collector(port, key.get("writeKey").asString());
    }

    private String user(String who) {
        return "kpi-" + who + "-" + run;
    }

    private String track(String who, String event, String at) {
        return Api.json(Map.of("type", "track", "userId", user(who), "event", event, "timestamp", at));
    }

    private String page(String who, String at) {
        return Api.json(Map.of("type", "page", "userId", user(who), "name", "Wines", "timestamp", at));
    }

    private String order(String who, String at, String id, String amount) {
        return Api.json(Map.of("type", "track", "userId", user(who), "event", "Order Completed", "timestamp", at,
                "properties", Map.of("order_id", id + "-" + run, "revenue", amount, "currency", "CHF")));
    }

    private String consent(String who, String at, boolean granted) {
        return Api.json(Map.of("type", "identify", "userId", user(who), "timestamp", at,
                "traits", Map.of("consent.marketing.email", granted)));
    }
}
