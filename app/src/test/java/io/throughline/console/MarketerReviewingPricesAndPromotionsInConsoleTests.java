package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A marketer looks through the demo brand's prices in the console of a real Chromium: the price lists, one
 * list's prices page by page, the promotions with their conditions and budgets, and the coupon batches.
 */
class MarketerReviewingPricesAndPromotionsInConsoleTests extends BrowserTest {

    static final String MARKETER = "marketing@tokaj-cellars.example";

    @Test
    void marketerSeesListsPricesPromotionsAndCouponBatches() {
        console.signIn(MARKETER, PlatformTest.DEMO_STAFF_PASSWORD);
        browser.findElement(By.linkText("Prices & promotions")).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("price-lists")));

        browser.findElement(By.linkText("Tokaj Cellars shelf prices (HUF)")).click();
        console.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "Tokaj Cellars shelf prices (HUF)"));
        assertThat(browser.findElements(By.cssSelector("#prices tbody tr"))).hasSize(50);
        assertThat(browser.findElement(By.cssSelector(".pager")).getText()).contains("Page 1 of 6");
        String firstSku = browser.findElement(By.cssSelector("#prices tbody tr td code")).getText();
        browser.findElement(By.cssSelector(".pager a[rel=next]")).click();
        console.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pager"),
                "Page 2 of 6"));
        assertThat(browser.findElement(By.cssSelector("#prices tbody tr td code")).getText()).isNotEqualTo(firstSku)
                .isGreaterThan(firstSku);

        browser.findElement(By.linkText("Price lists")).click();
        browser.findElement(By.linkText("Promotions")).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("promotions")));
        String welcome = browser.findElement(By.cssSelector("#promotions tr[data-name='app welcome campaign']"))
                .getText();
        assertThat(welcome).contains("10 % off the order", "with a coupon", "1 per customer", "Stackable");
        assertThat(browser.findElement(By.cssSelector("#promotions tr[data-name='spend more, save more']"))
                .getText()).contains("spend 20000 HUF, get 1000 HUF off").contains("HUF left");
        assertThat(browser.findElement(By.cssSelector(
                "#promotions tr[data-name='tasting evening in the Tokaj cellar']")).getText()).contains("uses left");

        browser.findElement(By.linkText("Coupon batches")).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("coupon-batches")));
        assertThat(browser.findElement(By.cssSelector("#coupon-batches tr[data-name='App welcome coupons']"))
                .getText()).contains("app welcome campaign", "Unique codes", "500");
        assertThat(browser.findElement(By.cssSelector("#coupon-batches tr[data-name='Contact centre code']"))
                .getText()).contains("Shared code SORRY5");
    }
}
