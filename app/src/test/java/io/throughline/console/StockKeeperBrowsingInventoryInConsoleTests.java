package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A store associate looks up stock in the console of a real Chromium: the demo locations, a SKU's stock and
 * movements in her shop, and what every channel can sell of it after a shopper's hold.
 */
class StockKeeperBrowsingInventoryInConsoleTests extends BrowserTest {

    /** Not the Debrecen shop's account: StaffSignInTests locks that one out on the shared platform. */
    static final String STORE_ASSOCIATE = "tokaj@tokaj-cellars.example";

    @Test
    void associateSeesHerShopsStockMovementsAndAvailabilityPerChannel() {
        Api api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
        String shop = api.get("/api/inventory/locations?size=200").json().get("items").valueStream()
                .filter(location -> location.get("code").asString().equals("shop-tokaj")).findFirst().orElseThrow()
                .get("id").asString();
        String sku = "CONSOLE-" + System.nanoTime();
        assertThat(api.post("/api/catalog/products", Api.json(Map.of("name", "Console test wine",
                "variants", List.of(Map.of("sku", sku))))).status()).isEqualTo(201);
        assertThat(api.post("/api/inventory/movements", Api.json(Map.of("sku", sku, "locationId", shop,
                "kind", "RECEIPT", "quantity", 5, "reference", "DN-1042"))).status()).isEqualTo(201);
        assertThat(api.post("/api/inventory/reservations", Api.json(Map.of("sku", sku, "locationId", shop,
                "quantity", 1, "reference", "cart-console", "ttlSeconds", 600))).status()).isEqualTo(201);

        console.signIn(STORE_ASSOCIATE, PlatformTest.DEMO_STAFF_PASSWORD);
        browser.findElement(By.linkText("Inventory")).click();
        List<String> names = browser.findElements(By.cssSelector("#locations tbody tr td:first-child")).stream()
                .map(WebElement::getText).toList();
        assertThat(names).contains("Tokaj Cellars warehouse", "Tokaj Cellars Budapest", "Tokaj Cellars Debrecen",
                "Tokaj Cellars pince és bolt");

        browser.findElement(By.linkText("Tokaj Cellars pince és bolt")).click();
        console.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "Tokaj Cellars pince és bolt"));
        assertThat(browser.findElement(By.id("opening-hours")).getText()).contains("Saturday 10:00–16:00");
        browser.findElement(By.id("location-sku")).sendKeys(sku.toLowerCase(), Keys.ENTER);

        console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("stock")));
        assertThat(browser.findElement(By.id("on-hand")).getText()).isEqualTo("5");
        assertThat(browser.findElement(By.id("reserved")).getText()).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector("#movements tbody tr td")).stream().map(WebElement::getText))
                .contains("Receipt", "+5", "DN-1042");

        browser.findElement(By.linkText("Availability of this SKU on every channel")).click();
        WebElement till = console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#channels tr[data-channel='shop-tokaj']")));
        assertThat(till.findElements(By.tagName("td")).get(1).getText()).isEqualTo("4");
        WebElement web = browser.findElement(By.cssSelector("#channels tr[data-channel='web']"));
        assertThat(web.findElements(By.tagName("td")).get(1).getText()).isEqualTo("3");
        assertThat(web.getText()).contains("shop-tokaj 3 (on hand 5, reserved 1, safety 1)");

        browser.findElement(By.id("availability-sku")).clear();
        browser.findElement(By.id("availability-sku")).sendKeys("not a sku", Keys.ENTER);
        assertThat(console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.id("availability-sku-error"))).getText()).startsWith("SKU must be");
    }
}
