package io.throughline.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.carts.CartFixture;
import io.throughline.support.Api;
import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * At the Budapest till, in a real Chromium, a shopper pays part of her sale in cash and the rest by card: the
 * associate types the cash, is told when it would cover the whole sale, sees the remainder for the card terminal,
 * and the receipt and the order carry both tenders.
 */
class AssociateTakingPartInCashAndTheRestByCardInBrowserTests extends BrowserTest {

    static final String BUDAPEST = "budapest@tokaj-cellars.example";

    @Test
    void theCashPartIsCheckedTheRemainderShownAndTheOrderCarriesBothTenders() {
        OrderFixture fixture = new OrderFixture(port);
        CartFixture carts = fixture.carts;
        Api api = fixture.api;
        String aszu = carts.product("Split Aszú", List.of("shop-budapest"), "4500.00");
        carts.receive(aszu, "shop-budapest", 3);

        console.signIn(BUDAPEST, PlatformTest.DEMO_STAFF_PASSWORD);
        console.open("/till");
        WebElement shopSelect = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.id("till-shop-select")));
        new Select(shopSelect).selectByValue("shop-budapest");
        browser.findElement(By.cssSelector("#till-shop button[type=submit]")).click();
        // The start page already shows the sale and claim forms for her own shop: wait for the page that follows.
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
        long total = digits(browser.findElement(By.id("total")).getText());
        assertThat(total).isEqualTo(4500);

        browser.findElement(By.id("cash-part")).sendKeys("5000");
        browser.findElement(By.cssSelector("#pay-split button[type=submit]")).click();
        WebElement tooMuch = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.id("cash-part-error")));
        assertThat(tooMuch.getText()).contains("whole total").contains("Paid in cash");
        WebElement cashPart = browser.findElement(By.id("cash-part"));
        assertThat(cashPart.getAttribute("value")).as("what was typed is kept").isEqualTo("5000");
        cashPart.clear();
        cashPart.sendKeys("3000");
        browser.findElement(By.cssSelector("#pay-split button[type=submit]")).click();

        WebElement rest = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("split-rest")));
        assertThat(digits(rest.getText())).as("the remainder for the card terminal").isEqualTo(1500);
        assertThat(digits(browser.findElement(By.id("split-cash")).getText())).isEqualTo(3000);
        browser.findElement(By.cssSelector("#pay-split-rest button[type=submit]")).click();

        WebElement receiptTotal = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.id("receipt-total")));
        assertThat(digits(receiptTotal.getText())).isEqualTo(4500);
        String receipt = browser.findElement(By.id("receipt")).getText();
        assertThat(receipt).contains("Cash").contains("3,000").contains("Card").contains("1,500");
        String orderId = browser.getCurrentUrl().replaceAll(".*/till/receipts/([0-9a-f-]{36}).*", "$1");
        JsonNode sold = api.get("/api/orders/" + orderId).json();
        assertThat(sold.get("state").asString()).isEqualTo("PICKED_UP");
        assertThat(sold.get("payments").valueStream().map(payment -> payment.get("method").asString() + " "
                + payment.get("amount").get("minor").asLong() + " " + payment.get("state").asString()))
                .containsExactly("CASH 300000 CAPTURED", "CARD_PRESENT 150000 CAPTURED");
    }

    private static long digits(String text) {
        return Long.parseLong(text.replaceAll("\\D", ""));
    }
}
