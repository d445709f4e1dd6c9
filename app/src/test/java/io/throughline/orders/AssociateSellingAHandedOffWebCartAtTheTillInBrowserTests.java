package io.throughline.orders;

import static io.throughline.carts.CartFixture.line;
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
 * The canonical scenario's step 4 as the Budapest associate does it in a real Chromium: the shopper's web cart —
 * two bottles held in the warehouse, her app coupon applied — is handed off through the API; at the till the
 * associate scans the code, sees the bottles now held on the shop's shelf at the web's prices with the coupon,
 * scans a third bottle by its SKU, is told that too little cash was typed, and takes the cash with the change on
 * the receipt.
 */
class AssociateSellingAHandedOffWebCartAtTheTillInBrowserTests extends BrowserTest {

    static final String BUDAPEST = "budapest@tokaj-cellars.example";

    @Test
    void sheScansTheHandoffCodeTheHoldsComeToTheShopAndTheCashSaleGivesChange() {
        OrderFixture fixture = new OrderFixture(port);
        CartFixture carts = fixture.carts;
        Api api = fixture.api;
        String aszu = carts.product("Till Szamorodni", List.of("web", "app", "shop-budapest"), "1290.00");
        String furmint = carts.product("Till Furmint", List.of("web", "app", "shop-budapest"), "430.00");
        for (String sku : List.of(aszu, furmint)) {
            carts.receive(sku, "warehouse-tokaj", 20);
            carts.receive(sku, "shop-budapest", 4);
        }
        String warehouse = carts.location("warehouse-tokaj");
        String budapest = carts.location("shop-budapest");
        String profile = carts.customer();
        String name = "Réka Tóth";

        // Her own steps, as the web shop and the app send them.
        String cart = fixture.cartWith("web", profile, aszu, 2);
        String coupon = TillCoupons.grantedTenPercent(api, profile);
        var applied = api.post("/api/carts/" + cart + "/coupons?channel=app", Api.json(Map.of("code", coupon)));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        JsonNode onTheWeb = applied.json();
        assertThat(line(onTheWeb, aszu).get("hold").get("locationId").asString()).isEqualTo(warehouse);
        var issued = api.post("/api/carts/" + cart + "/handoff?channel=web", "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String code = issued.json().get("code").asString();

        // At the counter, everything in the console.
        console.signIn(BUDAPEST, PlatformTest.DEMO_STAFF_PASSWORD);
        console.open("/till");
        WebElement shopSelect = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.id("till-shop-select")));
        new Select(shopSelect).selectByValue("shop-budapest");
        browser.findElement(By.cssSelector("#till-shop button[type=submit]")).click();
        // The start page already shows the sale and claim forms for her own shop: wait for the page that follows.
        console.waitFor().until(ExpectedConditions.stalenessOf(shopSelect));
        WebElement codeField = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("till-code")));
        codeField.sendKeys(code.toLowerCase());
        browser.findElement(By.cssSelector("#till-claim button[type=submit]")).click();

        WebElement aszuLine = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#sale-lines tr[data-sku='" + aszu + "']")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(name);
        assertThat(aszuLine.findElement(By.cssSelector("td.stock")).getText()).isEqualTo("On this shop’s shelf");
        assertThat(browser.findElements(By.id("shortfalls"))).isEmpty();
        assertThat(digits(browser.findElement(By.id("total")).getText())).as("the web's price with her coupon")
                .isEqualTo(onTheWeb.get("quote").get("total").get("minor").asLong() / 100);
        assertThat(browser.findElement(By.id("coupons")).getText()).contains(coupon);
        JsonNode atTheShop = fixture.carts.view(cart, "shop-budapest");
        assertThat(line(atTheShop, aszu).get("hold").get("locationId").asString()).isEqualTo(budapest);

        browser.findElement(By.id("till-q")).sendKeys(furmint);
        browser.findElement(By.cssSelector("#till-scan button[type=submit]")).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#sale-lines tr[data-sku='" + furmint + "']")));
        long total = (2 * 1290 + 430) * 9 / 10;
        assertThat(digits(browser.findElement(By.id("total")).getText())).isEqualTo(total);

        browser.findElement(By.id("tendered")).sendKeys("2000");
        browser.findElement(By.cssSelector("#pay-cash button[type=submit]")).click();
        WebElement tooLittle = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.id("tendered-error")));
        assertThat(tooLittle.getText()).contains("less than the total");
        WebElement tendered = browser.findElement(By.id("tendered"));
        assertThat(tendered.getAttribute("value")).as("what was typed is kept").isEqualTo("2000");
        tendered.clear();
        tendered.sendKeys("3000");
        browser.findElement(By.cssSelector("#pay-cash button[type=submit]")).click();

        WebElement change = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.id("receipt-change")));
        assertThat(digits(change.getText())).isEqualTo(3000 - total);
        assertThat(digits(browser.findElement(By.id("receipt-total")).getText())).isEqualTo(total);
        assertThat(browser.findElement(By.id("receipt-customer")).getText()).contains(name);
        JsonNode order = api.get("/api/customers/" + profile + "/orders").json().get("items").get(0);
        assertThat(browser.findElement(By.id("paid")).getText()).contains(order.get("number").asString());
        JsonNode sold = api.get("/api/orders/" + order.get("id").asString()).json();
        assertThat(sold.get("state").asString()).isEqualTo("PICKED_UP");
        assertThat(sold.get("channel").asString()).isEqualTo("shop-budapest");
        assertThat(sold.get("profileId").asString()).isEqualTo(profile);
        assertThat(sold.get("coupons").get(0).asString()).isEqualTo(coupon);
        assertThat(sold.get("payments").get(0).get("method").asString()).isEqualTo("CASH");
        assertThat(sold.get("total").get("minor").asLong()).isEqualTo(total * 100);
    }

    private static long digits(String text) {
        return Long.parseLong(text.replaceAll("\\D", ""));
    }
}
