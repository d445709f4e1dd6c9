package io.throughline.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * A marketer in a real Chromium builds "viewed at least 3 Aszú products in 30 days and no Order Completed in 30
 * days" in the segment builder without writing JSON: each condition row's fields follow the kind she picks, the
 * server's refusal appears at the field at fault with everything typed kept, the size estimate follows her, and
 * once saved the segment's page shows a shopper entering it by name as she views her third Aszú.
 */
class MarketerBuildingASegmentInTheConsoleInBrowserTests extends BrowserTest {

    @Test
    void marketerBuildsTheAszuBrowsersSegmentInFormsAndSeesAShopperEnterIt() {
        SegmentFixtures fixtures = new SegmentFixtures(port);
        String userId = SegmentFixtures.userId("zsofia");
        String surname = "Kertész-" + UUID.randomUUID().toString().substring(0, 6);
        fixtures.customer(userId, Map.of("firstName", "Zsófia", "lastName", surname));
        viewAszu(fixtures, userId);
        viewAszu(fixtures, userId);
        String key = SegmentFixtures.key("aszu-browsers");

        console.signIn("marketing@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);
        browser.findElement(By.linkText("Segments")).click();
        console.waitFor().until(ExpectedConditions.elementToBeClickable(By.id("new-segment"))).click();
        console.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "New segment"));
        browser.findElement(By.id("segment-name")).sendKeys("Aszú browsers who did not buy");
        browser.findElement(By.id("segment-key")).sendKeys(key);

        // A condition row comes back in place through htmx with the fields of the kind picked.
        add("Events in a window");
        WebElement viewed = console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("row-c1")));
        assertThat(browser.findElement(By.id("segment-name")).getDomProperty("value"))
                .isEqualTo("Aszú browsers who did not buy");
        viewed.findElement(By.id("c1-event")).sendKeys("Product Viewed");
        viewed.findElement(By.id("c1-whereProperty")).sendKeys("name");
        new Select(viewed.findElement(By.id("c1-whereOp"))).selectByVisibleText("contains");
        viewed.findElement(By.id("c1-whereValue")).sendKeys("Aszú");
        new Select(viewed.findElement(By.id("c1-op"))).selectByVisibleText("at least");
        viewed.findElement(By.id("c1-value")).sendKeys("three");

        // A trait row turned into an events row shows the events' fields instead.
        add("Trait");
        console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("c2-trait")));
        new Select(browser.findElement(By.id("c2-type"))).selectByVisibleText("Events in a window");
        WebElement bought = console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("c2-event")));
        assertThat(browser.findElements(By.id("c2-trait"))).isEmpty();
        bought.sendKeys("Order Completed");
        new Select(browser.findElement(By.id("c2-op"))).selectByVisibleText("exactly");
        browser.findElement(By.id("c2-value")).sendKeys("0");
        assertThat(browser.findElement(By.id("c1-whereValue")).getDomProperty("value")).isEqualTo("Aszú");

        // "three" is refused at its field, in the row it was typed in, and nothing typed is lost.
        browser.findElement(By.id("segment-save")).click();
        WebElement refused = console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#row-c1 .field-error")));
        assertThat(refused.getText()).isEqualTo("must be a number");
        assertThat(browser.findElements(By.cssSelector("#row-c2 .field-error"))).isEmpty();
        assertThat(browser.findElement(By.id("c1-value")).getDomProperty("value")).isEqualTo("three");
        assertThat(browser.findElement(By.id("c2-event")).getDomProperty("value")).isEqualTo("Order Completed");
        assertThat(browser.findElement(By.id("segment-key")).getDomProperty("value")).isEqualTo(key);

        WebElement value = browser.findElement(By.id("c1-value"));
        value.clear();
        value.sendKeys("3");
        browser.findElement(By.id("segment-name")).click();
        console.waitFor().until(ExpectedConditions.textMatches(By.id("size-estimate"),
                java.util.regex.Pattern.compile("\\d+ customers would be in it now\\.")));

        browser.findElement(By.id("segment-save")).click();
        WebElement saved = console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("segment-saved")));
        assertThat(saved.getText()).startsWith("Saved as version 1");
        JsonNode condition = fixtures.api().get("/api/segments/" + key).json().path("definition").path("condition");
        assertThat(condition.path("type").asString()).isEqualTo("all");
        assertThat(condition.path("conditions").get(0).path("where").get(0).path("value").asString()).isEqualTo("Aszú");
        assertThat(condition.path("conditions").get(0).path("count").path("value").asInt()).isEqualTo(3);
        assertThat(condition.path("conditions").get(1).path("count").path("op").asString()).isEqualTo("eq");
        assertThat(browser.getPageSource()).doesNotContain(surname);

        // Her third Aszú puts her in, and the segment's page names her.
        viewAszu(fixtures, userId);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            console.open("/segments/" + key);
            console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
            return browser.findElements(By.xpath("//table[@id='members']//a[normalize-space()='Zsófia " + surname
                    + "']")).size() == 1;
        });
    }

    private void add(String kind) {
        new Select(browser.findElement(By.id("c-kind"))).selectByVisibleText(kind);
        browser.findElement(By.id("c-add")).click();
    }

    private static void viewAszu(SegmentFixtures fixtures, String userId) {
        fixtures.track(userId, "Product Viewed", Map.of("name", "Tokaji Aszú 5 puttonyos", "category",
                "Wines/Tokaji/Aszú"));
    }
}
