package io.throughline.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * At the Tokaj shop, in a real Chromium, the associate finds the app's click &amp; collect order among the pickups,
 * marks it ready, and hands it over when the customer reads out her pickup code and has paid in cash.
 */
class AssociateHandingOverAClickAndCollectOrderInBrowserTests extends BrowserTest {

    /** Not the Debrecen shop's account: StaffSignInTests locks that one out on the shared platform. */
    static final String TOKAJ = "tokaj@tokaj-cellars.example";

    @Test
    void theOrderGoesFromToPrepareToWaitingToHandedOverWithItsCode() {
        ShopOrders shop = new ShopOrders(port);
        JsonNode order = shop.clickAndCollect(shop.carts.customer(), shop.wine("Browser Sárga Muskotály"), 1,
                "shop-tokaj");
        String number = order.get("number").asString();
        console.signIn(TOKAJ, PlatformTest.DEMO_STAFF_PASSWORD);

        browser.findElement(By.linkText("Orders")).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("shop-work")));
        browser.findElement(By.linkText("pickups due")).click();
        new Select(console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("pickups-location"))))
                .selectByVisibleText("Tokaj Cellars pince és bolt");
        browser.findElement(By.xpath("//button[normalize-space()='Show']")).click();
        WebElement toPrepare = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#to-prepare tr[data-order='" + number + "']")));
        assertThat(toPrepare.getText()).contains("1 × Browser Sárga Muskotály");
        toPrepare.findElement(By.xpath(".//button[normalize-space()='Mark ready']")).click();

        console.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                "is ready for pickup"));
        String code = shop.order(order.get("id").asString()).get("shipments").get(0).get("pickupCode").asString();
        WebElement waiting = browser.findElement(By.cssSelector("#due tr[data-order='" + number + "']"));
        waiting.findElement(By.name("code")).sendKeys(code);
        waiting.findElement(By.xpath(".//button[normalize-space()='Hand over']")).click();

        // She pays at pickup: the console asks for the money before anything is captured.
        WebElement owed = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("owed")));
        assertThat(owed.getText()).contains("Take").containsPattern("\\b450\\b");
        assertThat(shop.order(order.get("id").asString()).get("payments").get(0).get("state").asString())
                .isEqualTo("PENDING");
        browser.findElement(By.id("paid-cash")).click();
        browser.findElement(By.cssSelector("#take-payment button[type=submit]")).click();

        console.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                "Order " + number + " handed over; the money was taken in cash."));
        assertThat(browser.findElements(By.cssSelector("#due tr[data-order='" + number + "']"))).isEmpty();
        JsonNode collected = shop.order(order.get("id").asString());
        assertThat(collected.get("state").asString()).isEqualTo("PICKED_UP");
        assertThat(collected.get("payments").get(0).get("state").asString()).isEqualTo("CAPTURED");
    }
}
