package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.customers.CustomerOverview;
import io.throughline.customers.CustomerProfiles;
import io.throughline.support.BrowserTest;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A contact-centre agent opens a customer who has been active on the web shop and in the app, and reads her whole
 * thread on one page in a real Chromium: identifiers, traits, both channels, and the timeline, which loads older
 * events as she scrolls and narrows to one channel or one event without reloading the page.
 */
class AgentOpeningCustomer360Tests extends BrowserTest {

    static final String AGENT = "agent@tokaj-cellars.example";
    static final int WEB_PRODUCT_VIEWS = 20;
    static final int APP_SCANS = 10;
    /** The identify call, the product views and the scans: more than one page of 25. */
    static final int EVENTS = 1 + WEB_PRODUCT_VIEWS + APP_SCANS;

    @Autowired
    CustomerProfiles customers;

    String marker;
    String userId;
    String email;
    String appChannel;
    UUID customerId;

    @BeforeAll
    void collectACustomersEventsFromTwoChannels() {

        marker = Long.toString(System.nanoTime(), 36);
        userId = "member-" + marker;
        email = "reka.toth." + marker + "@example.com";
        appChannel = "app-" + marker;
        var app = new Collector(port, issueWriteKey(createSource("Tokaj app " + marker, appChannel, "APP")));
        var web = new Collector(port, PlatformTest.WEB_WRITE_KEY);

        var webBatch = web.send("batch", "{\"batch\": [" + """
                {"type": "identify", "userId": "%s", "traits": {"email": "%s", "firstName": "Réka",
                 "lastName": "Tóth", "favouriteWine": "Furmint", "wineClub": {"since": 2019}}},""".formatted(userId, email)
                + IntStream.range(0, WEB_PRODUCT_VIEWS).mapToObj(i -> """
                {"type": "track", "userId": "%s", "event": "Product Viewed", "properties": {"sku": "TOK-%d"}}"""
                        .formatted(userId, i)).collect(Collectors.joining(",")) + "]}");
        assertThat(webBatch.status()).as(webBatch.body()).isEqualTo(200);
        var appBatch = app.send("batch", "{\"batch\": [" + IntStream.range(0, APP_SCANS).mapToObj(i -> """
                {"type": "track", "userId": "%s", "event": "Bottle Scanned", "properties": {"sku": "APP-%d"}}"""
                .formatted(userId, i)).collect(Collectors.joining(",")) + "]}");
        assertThat(appBatch.status()).as(appBatch.body()).isEqualTo(200);

        // Traits and channel activity are kept by a processor that follows the log: wait until it has caught up.
        customerId = await().atMost(Duration.ofSeconds(15)).until(
                () -> customers.findByIdentity("user_id", userId).map(profile -> profile.id()).orElse(null),
                id -> id != null);
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            CustomerOverview overview = customers.overview(customerId);
            return overview.channels().stream().mapToLong(CustomerOverview.ChannelActivity::events).sum() == EVENTS
                    && overview.traits().stream().anyMatch(trait -> trait.name().equals("favouriteWine"));
        });
    }

    @BeforeEach
    void signInAsAgent() {
        console.signIn(AGENT, PlatformTest.DEMO_STAFF_PASSWORD);
    }

    @Test
    void agentSeesIdentifiersTraitsBothChannelsAndTheNewestEventsFirst() {
        console.open("/customers/" + customerId);

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Réka Tóth");
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("First seen", "Last seen");
        assertThat(browser.findElement(By.id("identifiers")).getText())
                .contains("user id", userId, "email", email);
        assertThat(browser.findElement(By.id("traits")).getText())
                .contains("favouriteWine", "Furmint", "wineClub", "{\"since\":2019}");
        assertThat(texts(By.cssSelector("#channels tbody td:first-child"))).containsExactlyInAnyOrder("web", appChannel);
        assertThat(texts(By.cssSelector("#channels tbody td:last-child")))
                .containsExactlyInAnyOrder(Integer.toString(1 + WEB_PRODUCT_VIEWS), Integer.toString(APP_SCANS));
        assertThat(browser.findElement(By.id("merges")).getText()).contains("has not been merged");

        List<WebElement> entries = entries();
        assertThat(entries).hasSize(25);
        assertThat(entries.getFirst().findElement(By.cssSelector(".channel")).getText()).isEqualTo(appChannel);
        assertThat(entries.getFirst().findElement(By.cssSelector(".label")).getText()).isEqualTo("Bottle Scanned");

        // The event's JSON is folded away until asked for, then shown pretty-printed.
        WebElement json = entries.getFirst().findElement(By.cssSelector("details pre"));
        assertThat(json.isDisplayed()).isFalse();
        entries.getFirst().findElement(By.tagName("summary")).click();
        assertThat(json.isDisplayed()).isTrue();
        assertThat(json.getText()).contains("\"event\" : \"Bottle Scanned\"", "\"sku\" : \"APP-" + (APP_SCANS - 1) + "\"")
                .contains("\n");
    }

    @Test
    void scrollingToTheEndOfTheTimelineLoadsTheOlderEvents() {
        console.open("/customers/" + customerId);
        // The first page, once the browser has built it (a busy machine can return from the load before that).
        console.waitFor().until(driver -> entries().size() == 25);

        scrollIntoView(browser.findElement(By.cssSelector("#timeline .timeline-more")));

        console.waitFor().until(driver -> entries().size() == EVENTS);
        assertThat(browser.findElements(By.cssSelector("#timeline .timeline-more"))).isEmpty();
        assertThat(entries().getLast().findElement(By.cssSelector(".label")).getText()).isEqualTo("identify");
        assertThat(entries().stream().map(entry -> entry.getAttribute("data-seq")).distinct()).hasSize(EVENTS);
    }

    @Test
    void filteringByChannelOrEventShowsOnlyThoseEventsWithoutReloadingThePage() {
        console.open("/customers/" + customerId);
        // Set on this page only: a full reload would lose it.
        js().executeScript("window.stillTheSamePage = true;");

        new Select(browser.findElement(By.id("timeline-channel"))).selectByValue(appChannel);

        console.waitFor().until(driver -> entries().size() == APP_SCANS);
        assertThat(texts(By.cssSelector("#timeline .entry .channel"))).containsOnly(appChannel);
        assertThat(browser.findElements(By.cssSelector("#timeline .timeline-more"))).isEmpty();

        new Select(browser.findElement(By.id("timeline-channel"))).selectByValue("");
        console.waitFor().until(driver -> entries().size() == 25);
        browser.findElement(By.id("timeline-event")).sendKeys("identify", Keys.ENTER);

        console.waitFor().until(driver -> entries().size() == 1);
        assertThat(texts(By.cssSelector("#timeline .entry .label"))).containsExactly("identify");
        assertThat(js().executeScript("return window.stillTheSamePage === true;")).isEqualTo(true);

        browser.findElement(By.id("timeline-event")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "Never Happened",
                Keys.ENTER);
        console.waitFor().until(ExpectedConditions.textToBe(By.cssSelector("#timeline [role=status]"),
                "No events match these filters."));
    }

    @Test
    void openingAMergedProfileShowsTheSurvivorWithANoteAndTheMerge() {
        String anonymousId = "anon-" + marker;
        String laterUserId = "later-" + marker;
        var web = new Collector(port, PlatformTest.WEB_WRITE_KEY);
        web.send("track", "{\"anonymousId\":\"" + anonymousId + "\",\"event\":\"Product Viewed\"}");
        UUID older = await().atMost(Duration.ofSeconds(10)).until(() -> customers
                .findByIdentity("anonymous_id", anonymousId).map(profile -> profile.id()).orElse(null), id -> id != null);
        web.send("track", "{\"userId\":\"" + laterUserId + "\",\"event\":\"Signed In\"}");
        UUID merged = await().atMost(Duration.ofSeconds(10)).until(() -> customers
                .findByIdentity("user_id", laterUserId).map(profile -> profile.id()).orElse(null), id -> id != null);

        web.send("alias", "{\"previousId\":\"" + anonymousId + "\",\"userId\":\"" + laterUserId + "\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> customers.get(merged).id().equals(older));

        console.open("/customers/" + merged);

        assertThat(browser.findElement(By.id("merged-note")).getText())
                .startsWith("This profile was merged into").contains(merged.toString());
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains(older.toString());
        WebElement merge = browser.findElement(By.cssSelector("#merges tbody tr"));
        assertThat(merge.getText()).contains(older + " (this profile)", merged.toString());
        assertThat(merge.findElement(By.cssSelector("td:nth-child(2) a")).getAttribute("href"))
                .endsWith("/customers/" + merged);
        assertThat(browser.findElements(By.cssSelector("#merges button"))).isEmpty();
    }

    private List<WebElement> entries() {
        return browser.findElements(By.cssSelector("#timeline .entry"));
    }

    private List<String> texts(By selector) {
        return browser.findElements(selector).stream().map(WebElement::getText).toList();
    }

    private void scrollIntoView(WebElement element) {
        js().executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    /** Server-side, as the app's own backend relaying its scans: the user ids it sends are the brand's word. */
    private String createSource(String name, String channel, String type) {
        var created = admin().post("/api/sources", """
                {"name": "%s", "channel": "%s", "channelType": "%s", "trust": "SERVER"}""".formatted(name, channel, type));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String issueWriteKey(String sourceId) {
        return admin().post("/api/sources/" + sourceId + "/write-keys", "").json().get("writeKey").asString();
    }

    private Api admin() {
        return Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }
}
