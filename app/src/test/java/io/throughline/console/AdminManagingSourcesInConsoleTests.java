package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.BrowserTest;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An administrator connects a new channel in the console of a real Chromium: creates its source, creates a
 * write key that is shown once, proves it with a real event, and revokes it. Other roles are kept out.
 */
class AdminManagingSourcesInConsoleTests extends BrowserTest {

    static final String ADMIN = "admin@tokaj-cellars.example";
    /** Not the Debrecen shop's account: StaffSignInTests locks that one out on the shared platform. */
    static final String STORE_ASSOCIATE = "tokaj@tokaj-cellars.example";
    static final String EVENT = "{\"anonymousId\": \"kiosk-visitor\", \"event\": \"Kiosk Touched\"}";

    @Test
    void adminCreatesASourceAndAWriteKeyThatIsShownOnceAndWorksUntilRevoked() {
        String marker = marker();
        console.signIn(ADMIN, PlatformTest.DEMO_STAFF_PASSWORD);
        browser.findElement(By.linkText("Sources")).click();
        fillNewSourceForm("Budapest kiosk " + marker, "kiosk-" + marker, "Kiosk", "50");

        console.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "Budapest kiosk " + marker));
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText())
                .contains("kiosk-" + marker, "Kiosk", "50", "Yes");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("created");
        String sourcePage = browser.getCurrentUrl();

        browser.findElement(By.xpath("//button[normalize-space()='Create write key']")).click();
        WebElement keyField = console.waitFor().until(
                ExpectedConditions.visibilityOfElementLocated(By.id("new-write-key")));
        String writeKey = keyField.getDomProperty("value");
        assertThat(writeKey).startsWith("wk_");
        assertThat(keyField.getDomAttribute("readonly")).isNotNull();
        assertThat(browser.findElement(By.cssSelector("label[for='new-write-key']")).getText())
                .isEqualTo("New write key");
        assertThat(browser.findElement(By.id("new-write-key-note")).getText()).contains("won't be shown again");

        var kiosk = new Collector(port, writeKey);
        var accepted = kiosk.send("track", EVENT);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        // Shown once: the source's page, opened again, has only the key's last characters.
        browser.get(sourcePage);
        String hint = "…" + writeKey.substring(writeKey.length() - 4);
        WebElement row = browser.findElement(By.cssSelector("#write-keys tr[data-hint='" + hint + "']"));
        assertThat(browser.findElements(By.id("new-write-key"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(writeKey);
        assertThat(row.getText()).contains("live");

        row.findElement(By.xpath(".//button[normalize-space()='Revoke']")).click();
        console.waitFor().until(ExpectedConditions.alertIsPresent()).accept();

        console.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                "revoked"));
        WebElement revoked = browser.findElement(By.cssSelector("#write-keys tr[data-hint='" + hint + "']"));
        assertThat(revoked.getText()).doesNotContain("live");
        assertThat(revoked.findElements(By.tagName("button"))).isEmpty();
        var refused = kiosk.send("track", EVENT);
        assertThat(refused.status()).as(refused.body()).isEqualTo(401);

        browser.findElement(By.linkText("Sources")).click();
        WebElement listed = browser.findElement(By.xpath("//tr[td/a[text()='Budapest kiosk " + marker + "']]"));
        assertThat(listed.findElements(By.tagName("td")).stream().map(WebElement::getText))
                .containsExactly("Budapest kiosk " + marker, "kiosk-" + marker, "Kiosk", "50", "Yes", "0");
    }

    @Test
    void aTakenChannelKeyIsRefusedNextToItsFieldAndTheTypedValuesStay() {
        String marker = marker();
        console.signIn(ADMIN, PlatformTest.DEMO_STAFF_PASSWORD);
        console.open("/sources");

        fillNewSourceForm("Second web shop " + marker, "web", "Web", "1200");

        WebElement error = console.waitFor().until(
                ExpectedConditions.visibilityOfElementLocated(By.id("source-channel-error")));
        assertThat(error.getText()).isEqualTo("Another source already uses channel web");
        WebElement channel = browser.findElement(By.id("source-channel"));
        assertThat(channel.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(channel.getDomAttribute("aria-describedby")).contains("source-channel-error");
        assertThat(browser.findElement(By.id("source-name")).getDomProperty("value"))
                .isEqualTo("Second web shop " + marker);
        assertThat(browser.findElement(By.id("source-rate")).getDomProperty("value")).isEqualTo("1200");
        assertThat(browser.findElements(By.xpath("//td/a[text()='Second web shop " + marker + "']"))).isEmpty();
    }

    @Test
    void adminLowersASourcesRateAndDisablesItSoItsKeysAreRefused() {
        String marker = marker();
        var source = admin().post("/api/sources", """
                {"name": "Pop-up till %1$s", "channel": "popup-%1$s", "channelType": "STORE"}""".formatted(marker))
                .json();
        String writeKey = admin().post("/api/sources/" + source.get("id").asString() + "/write-keys", "").json()
                .get("writeKey").asString();
        var till = new Collector(port, writeKey);
        assertThat(till.send("track", EVENT).status()).isEqualTo(200);

        console.signIn(ADMIN, PlatformTest.DEMO_STAFF_PASSWORD);
        console.open("/sources/" + source.get("id").asString());
        WebElement rate = browser.findElement(By.id("settings-rate"));
        rate.clear();
        rate.sendKeys("20");
        WebElement enabled = browser.findElement(By.id("settings-enabled"));
        assertThat(enabled.isSelected()).isTrue();
        enabled.click();
        browser.findElement(By.xpath("//button[normalize-space()='Save settings']")).click();

        console.waitFor().until(ExpectedConditions.textToBe(By.cssSelector("[role=status]"), "Settings saved."));
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("20", "No: its events are refused");
        assertThat(browser.findElement(By.id("settings-enabled")).isSelected()).isFalse();
        assertThat(till.send("track", EVENT).status()).isEqualTo(401);
    }

    @Test
    void aStoreAssociateIsRefusedTheSourcesPages() {
        console.signIn(STORE_ASSOCIATE, PlatformTest.DEMO_STAFF_PASSWORD);
        console.open("/sources");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(browser.findElements(By.id("source-name"))).isEmpty();

        var session = new ConsoleSession(port);
        session.signIn(STORE_ASSOCIATE, PlatformTest.DEMO_STAFF_PASSWORD);
        var page = session.get("/sources");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Your role does not give access to this page.");
        String webSource = admin().get("/api/sources").json().valueStream()
                .filter(source -> source.get("channel").asString().equals("web")).findFirst().orElseThrow()
                .get("id").asString();
        assertThat(session.get("/sources/" + webSource).statusCode()).isEqualTo(403);
    }

    private void fillNewSourceForm(String name, String channel, String type, String eventsPerSecond) {
        browser.findElement(By.id("source-name")).sendKeys(name);
        browser.findElement(By.id("source-channel")).sendKeys(channel);
        new Select(browser.findElement(By.id("source-channel-type"))).selectByVisibleText(type);
        WebElement rate = browser.findElement(By.id("source-rate"));
        rate.clear();
        rate.sendKeys(eventsPerSecond);
        browser.findElement(By.xpath("//button[normalize-space()='Create source']")).click();
    }

    private static String marker() {
        return Long.toString(System.nanoTime(), 36);
    }

    private Api admin() {
        return Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }
}
