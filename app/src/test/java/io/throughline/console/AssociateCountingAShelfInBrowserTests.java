package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A Budapest associate counts a shelf in a real Chromium: her own shop is where the count happens unless she
 * picks another, she scans one wine's barcode and types another's SKU, is told where she typed something
 * wrong without losing her lines, reviews the differences against the recorded stock and posts the count,
 * after which the stock is what she counted.
 */
class AssociateCountingAShelfInBrowserTests extends BrowserTest {

    static final String ASSOCIATE = "budapest@tokaj-cellars.example";

    @Test
    void associateScansTypesReviewsAndPostsACountThatSetsTheStock() {
        StockFixture stock = new StockFixture(port);
        String marker = StockFixture.marker();
        String scanned = "CNT-A-" + marker;
        String typed = "CNT-B-" + marker;
        String gtin = StockFixture.ean13();
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put(scanned, gtin);
        variants.put(typed, "");
        stock.product("Szamorodni száraz " + marker, variants);
        String budapest = stock.locationId("shop-budapest");
        stock.receive(scanned, budapest, 6);
        stock.receive(typed, budapest, 3);

        console.signIn(ASSOCIATE, PlatformTest.DEMO_STAFF_PASSWORD);
        browser.findElement(By.linkText("Inventory")).click();
        browser.findElement(By.linkText("Stock count")).click();
        console.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "Stock count"));
        assertThat(new Select(browser.findElement(By.id("count-location"))).getFirstSelectedOption().getText())
                .isEqualTo("Tokaj Cellars Budapest");

        scan(gtin);
        scan(gtin);
        waitForQuantity(0, "2");
        scan(typed.toLowerCase());
        waitForLine(typed);
        scan("NO-SUCH-" + marker);
        WebElement unknown = console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.id("count-scan-error")));
        assertThat(unknown.getText()).contains("NO-SUCH-" + marker);
        assertThat(skusOnTheForm()).containsExactly(scanned, typed);

        setQuantity(0, "five");
        setQuantity(1, "4");
        browser.findElement(By.xpath("//button[normalize-space()='Review differences']")).click();
        WebElement wrong = console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.id("count-quantity-0-error")));
        assertThat(wrong.getText()).contains("whole number");
        assertThat(browser.findElement(By.id("count-quantity-0")).getDomProperty("value")).isEqualTo("five");
        assertThat(browser.findElement(By.id("count-quantity-0")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("count-quantity-1")).getDomProperty("value")).isEqualTo("4");

        setQuantity(0, "5");
        browser.findElement(By.xpath("//button[normalize-space()='Review differences']")).click();
        console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("count-review")));
        assertThat(reviewRow(scanned)).containsExactly("Szamorodni száraz " + marker + " " + scanned, "6", "5", "-1");
        assertThat(reviewRow(typed)).containsExactly("Szamorodni száraz " + marker + " " + typed, "3", "4", "+1");

        browser.findElement(By.xpath("//button[normalize-space()='Post the count']")).click();
        WebElement notice = console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[role=status]")));
        assertThat(notice.getText()).isEqualTo("Count posted: 2 items at Tokaj Cellars Budapest.");
        assertThat(browser.findElement(By.id("count-posted")).getText()).contains(scanned, typed);
        assertThat(stock.onHand(scanned, budapest)).isEqualTo(5);
        assertThat(stock.onHand(typed, budapest)).isEqualTo(4);
        var movements = stock.api().get("/api/inventory/locations/" + budapest + "/stock/" + scanned + "/movements")
                .json().get("items");
        assertThat(movements.get(0).get("kind").asString()).isEqualTo("COUNT");
        assertThat(movements.get(0).get("quantity").asInt()).isEqualTo(-1);
    }

    private void scan(String code) {
        WebElement field = console.waitFor().until(ExpectedConditions.elementToBeClickable(By.id("count-scan")));
        field.clear();
        field.sendKeys(code, Keys.ENTER);
        // The form comes back without what was scanned once the line is added.
        console.waitFor().until(driver -> {
            try {
                return driver.findElement(By.id("count-scan")).getDomProperty("value").isEmpty()
                        || !driver.findElements(By.id("count-scan-error")).isEmpty();
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                return false;
            }
        });
    }

    private void waitForQuantity(int line, String quantity) {
        console.waitFor().until(ExpectedConditions.attributeToBe(By.id("count-quantity-" + line), "value", quantity));
    }

    private void waitForLine(String sku) {
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#count-lines tr[data-sku='" + sku + "']")));
    }

    private void setQuantity(int line, String quantity) {
        WebElement field = browser.findElement(By.id("count-quantity-" + line));
        field.clear();
        field.sendKeys(quantity);
    }

    private List<String> skusOnTheForm() {
        return browser.findElements(By.cssSelector("#count-lines tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-sku")).toList();
    }

    private List<String> reviewRow(String sku) {
        return browser.findElements(By.cssSelector("#count-review tr[data-sku='" + sku + "'] td")).stream()
                .map(WebElement::getText).toList();
    }
}
