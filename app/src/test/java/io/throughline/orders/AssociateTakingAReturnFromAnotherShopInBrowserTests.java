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
 * The canonical scenario's step 6 in a real Chromium: a bottle bought at the Budapest till comes back at the Tokaj
 * shop. The associate finds the sale by the number on the receipt, is told when she forgot to say what came back,
 * and takes one bottle back: the cash goes back, the bottle onto Tokaj's shelf.
 */
class AssociateTakingAReturnFromAnotherShopInBrowserTests extends BrowserTest {

    /** Not the Debrecen shop's account: StaffSignInTests locks that one out on the shared platform. */
    static final String TOKAJ = "tokaj@tokaj-cellars.example";

    @Test
    void aBottleSoldInBudapestComesBackInTokajWithTheCashRefunded() {
        OrderFixture fixture = new OrderFixture(port);
        CartFixture carts = fixture.carts;
        Api api = fixture.api;
        List<String> shops = List.of("shop-budapest", "shop-tokaj");
        String aszu = carts.product("Return Aszú", shops, "1290.00");
        String furmint = carts.product("Return Furmint", shops, "430.00");
        carts.receive(aszu, "shop-budapest", 5);
        carts.receive(furmint, "shop-budapest", 5);
        String profile = carts.customer();
        String cart = fixture.cartWith("shop-budapest", profile, aszu, 2);
        carts.added(cart, "shop-budapest", furmint, 1);
        JsonNode sold = fixture.placed("shop-budapest", "&profileId=" + profile,
                OrderFixture.checkout(cart, "COUNTER", OrderFixture.paidBy("CASH")));
        String number = sold.get("number").asString();
        int tokajBefore = fixture.onHand(aszu, "shop-tokaj");

        console.signIn(TOKAJ, PlatformTest.DEMO_STAFF_PASSWORD);
        console.open("/till");
        new Select(console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("till-shop-select"))))
                .selectByValue("shop-tokaj");
        WebElement shopChoice = browser.findElement(By.cssSelector("#till-shop button[type=submit]"));
        shopChoice.click();
        // The till page is loaded anew for the shop; a link found before it is replaced would go stale.
        console.waitFor().until(ExpectedConditions.stalenessOf(shopChoice));
        console.waitFor().until(ExpectedConditions.elementToBeClickable(By.id("till-returns-link"))).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("till-order-number")))
                .sendKeys(number);
        browser.findElement(By.cssSelector("#till-find-order button[type=submit]")).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("till-return")));
        assertThat(browser.findElement(By.id("return-order")).getText()).isEqualTo(number);
        assertThat(browser.findElement(By.cssSelector(".facts")).getText()).contains("Réka Tóth");

        browser.findElement(By.cssSelector("#till-return button[type=submit]")).click();
        WebElement nothing = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("return-error")));
        assertThat(nothing.getText()).contains("at least one line");

        WebElement quantity = browser.findElement(By.id("qty-" + aszu));
        quantity.clear();
        quantity.sendKeys("1");
        browser.findElement(By.id("till-return-reason")).sendKeys("a gift twice");
        browser.findElement(By.cssSelector("#till-return button[type=submit]")).click();

        WebElement accepted = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.id("return-accepted")));
        long paidForOne = orderLine(sold, aszu).get("total").get("minor").asLong() / 2;
        assertThat(accepted.getText()).contains(number).contains("refunded to what she paid with");
        assertThat(Long.parseLong(accepted.getText().replace(number, "").replaceAll("\\D", "")))
                .isEqualTo(paidForOne / 100);
        JsonNode after = api.get("/api/orders/" + sold.get("id").asString()).json();
        assertThat(after.get("state").asString()).isEqualTo("PARTIALLY_RETURNED");
        assertThat(after.get("returns").get(0).get("channel").asString()).isEqualTo("shop-tokaj");
        assertThat(after.get("payments").get(0).get("refunded").get("minor").asLong()).isEqualTo(paidForOne);
        assertThat(orderLine(after, aszu).get("returnedQuantity").asInt()).isEqualTo(1);
        assertThat(fixture.onHand(aszu, "shop-tokaj")).isEqualTo(tokajBefore + 1);
        assertThat(browser.findElement(By.cssSelector("tr[data-sku='" + aszu + "']")).getText())
                .as("one more can still come back").contains("1");
    }

    private static JsonNode orderLine(JsonNode order, String sku) {
        return order.get("lines").valueStream().filter(line -> line.get("sku").asString().equals(sku)).findFirst()
                .orElseThrow();
    }
}
