package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A marketer creates a promotion in a real Chromium: a percentage over 100 is refused by the pricing module at
 * its field with the rest of the form kept, and the corrected promotion is listed and priced by the API.
 */
class MarketerCreatingAPromotionInBrowserTests extends BrowserTest {

    static final String MARKETER = "marketing@tokaj-cellars.example";

    @Test
    void marketerCreatesAPercentagePromotionForTheAppAfterFixingThePercentage() {
        String name = "autumn app sale " + System.nanoTime();
        console.signIn(MARKETER, PlatformTest.DEMO_STAFF_PASSWORD);
        browser.findElement(By.linkText("Prices & promotions")).click();
        browser.findElement(By.linkText("Promotions")).click();
        browser.findElement(By.id("new-promotion")).click();

        browser.findElement(By.id("f-name")).sendKeys(name);
        new Select(browser.findElement(By.id("f-rewardType"))).selectByVisibleText("A percentage off");
        browser.findElement(By.id("f-percent")).sendKeys("150");
        new Select(browser.findElement(By.id("f-scope"))).selectByVisibleText("the order");
        browser.findElement(By.id("f-channels")).sendKeys("app");
        browser.findElement(By.id("f-couponRequired")).click();
        browser.findElement(By.id("f-perCustomerLimit")).sendKeys("1");
        // First in the list, which orders by priority: only a coupon of its own (it has none) would apply it.
        WebElement priority = browser.findElement(By.id("f-priority"));
        priority.clear();
        priority.sendKeys("999999");
        browser.findElement(By.xpath("//button[normalize-space()='Create promotion']")).click();

        WebElement percentError = console.waitFor().until(
                ExpectedConditions.visibilityOfElementLocated(By.id("f-percent-error")));
        assertThat(percentError.getText()).contains("at most 100");
        assertThat(browser.findElement(By.id("f-percent")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("f-name")).getDomProperty("value")).isEqualTo(name);
        assertThat(browser.findElement(By.id("f-channels")).getDomProperty("value")).isEqualTo("app");
        assertThat(browser.findElement(By.id("f-couponRequired")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("f-perCustomerLimit")).getDomProperty("value")).isEqualTo("1");

        WebElement percent = browser.findElement(By.id("f-percent"));
        percent.clear();
        percent.sendKeys("15");
        browser.findElement(By.xpath("//button[normalize-space()='Create promotion']")).click();

        console.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                "created"));
        WebElement row = browser.findElement(By.cssSelector("#promotions tr[data-name='" + name + "']"));
        assertThat(row.getText()).contains("15 % off the order", "with a coupon", "1 per customer", "Stackable");
        var promotion = new Admin(port).api().get("/api/pricing/promotions?size=200").json().get("items")
                .valueStream().filter(p -> p.get("definition").get("name").asString().equals(name)).findFirst()
                .orElseThrow();
        assertThat(promotion.get("definition").get("reward").get("percent").asInt()).isEqualTo(15);
        assertThat(promotion.get("definition").get("conditions").get("channels").get(0).asString()).isEqualTo("app");
    }
}
