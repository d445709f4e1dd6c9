package io.throughline.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.carts.CartFixture;
import io.throughline.support.Api;
import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * At the Budapest till, in a real Chromium: the associate finds the member, sees her points and what they are
 * worth, mistypes the points to spend and is told so at the field, then takes part of the sale in points and the
 * rest on the card terminal; the order carries both tenders and her points go down by what she spent.
 */
class AssociateTakingPointsAtTheTillInBrowserTests extends BrowserTest {

    static final String BUDAPEST = "budapest@tokaj-cellars.example";

    @Test
    void theAssociateSeesHerPointsAndTakesPartOfTheSaleInPoints() {
        CartFixture carts = new CartFixture(port);
        Api api = carts.api;
        LoyaltyFixture loyalty = new LoyaltyFixture(api);
        loyalty.programme(Map.of());
        String aszu = carts.product("Points Aszú", List.of("shop-budapest"), "2000.00");
        carts.receive(aszu, "shop-budapest", 3);
        String profile = carts.customer();
        String email = api.get("/api/customers/" + profile).json().get("profile").get("email").asString();
        assertThat(loyalty.adjust(profile, 700, "Welcome to the cellar club").status()).isEqualTo(200);

        console.signIn(BUDAPEST, PlatformTest.DEMO_STAFF_PASSWORD);
        console.open("/till");
        WebElement shopSelect = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.id("till-shop-select")));
        new Select(shopSelect).selectByValue("shop-budapest");
        browser.findElement(By.cssSelector("#till-shop button[type=submit]")).click();
        console.waitFor().until(ExpectedConditions.stalenessOf(shopSelect));
        WebElement currency = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.id("till-currency")));
        currency.clear();
        currency.sendKeys(CartFixture.CURRENCY);
        browser.findElement(By.cssSelector("#till-new-sale button[type=submit]")).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("till-q"))).sendKeys(aszu);
        browser.findElement(By.cssSelector("#till-scan button[type=submit]")).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#sale-lines tr[data-sku='" + aszu + "']")));
        browser.findElement(By.id("till-who-q")).sendKeys(email);
        browser.findElement(By.cssSelector("#till-who button[type=submit]")).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#matches button")))
                .click();

        WebElement balance = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.id("till-points-balance")));
        assertThat(balance.getText()).isEqualTo("700 points");
        assertThat(browser.findElement(By.id("till-points-worth")).getText()).contains("700");
        WebElement points = browser.findElement(By.id("till-points-amount"));
        assertThat(points.getAttribute("value")).as("all her points, less than the sale").isEqualTo("700");
        points.clear();
        points.sendKeys("lots");
        browser.findElement(By.id("till-pay-with-points")).click();
        WebElement error = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.id("till-points-error")));
        assertThat(error.getText()).contains("whole number");
        points = browser.findElement(By.id("till-points-amount"));
        assertThat(points.getAttribute("value")).as("what was typed is kept").isEqualTo("lots");
        points.clear();
        points.sendKeys("500");
        browser.findElement(By.id("till-pay-with-points")).click();

        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-total")));
        String orderId = browser.getCurrentUrl().replaceAll(".*/till/receipts/([0-9a-f-]{36}).*", "$1");
        JsonNode sold = api.get("/api/orders/" + orderId).json();
        assertThat(sold.get("payments").valueStream().map(payment -> payment.get("method").asString() + " "
                + payment.get("amount").get("minor").asLong()))
                .containsExactly("POINTS 50000", "CARD_PRESENT 150000");
        // 500 spent; the 1,500 CZK on the card earn 150 once the order's points are written.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> loyalty.balance(profile) == 700 - 500 + 150);
    }
}
