package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A marketer in a real Chromium creates a wine with its first variant, barcode, picture and the web shop as
 * its channel; a barcode with a wrong check digit is pointed out at its field and nothing she typed is lost.
 */
class MarketerCreatingAProductWithAVariantInBrowserTests extends BrowserTest {

    static final String MARKETER = "marketing@tokaj-cellars.example";

    @Test
    void marketerCreatesAProductWithAVariantAfterCorrectingItsBarcode() {
        String marker = StockFixture.marker();
        String name = "Tokaji Szamorodni édes " + marker;
        String sku = "SZAM-" + marker;
        String gtin = StockFixture.ean13();
        String wrongGtin = gtin.substring(0, 12) + ((gtin.charAt(12) - '0' + 1) % 10);

        console.signIn(MARKETER, PlatformTest.DEMO_STAFF_PASSWORD);
        browser.findElement(By.linkText("Catalogue")).click();
        browser.findElement(By.linkText("New product")).click();
        console.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "New product"));
        browser.findElement(By.id("new-product-name")).sendKeys(name);
        browser.findElement(By.id("new-product-attributes")).sendKeys("vintage: 2019");
        browser.findElement(By.id("new-product-sku")).sendKeys(sku);
        browser.findElement(By.id("new-product-gtin")).sendKeys(wrongGtin);
        browser.findElement(By.id("new-product-variant-name")).sendKeys("Szamorodni 0.5 l");
        browser.findElement(By.id("new-product-image")).sendKeys("https://images.example.com/" + sku + ".jpg");
        browser.findElement(By.id("new-product-channel-web")).click();
        browser.findElement(By.xpath("//button[normalize-space()='Create product']")).click();

        WebElement error = console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.id("new-product-gtin-error")));
        assertThat(error.getText()).contains("check digit");
        assertThat(browser.findElement(By.id("new-product-gtin")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("new-product-name")).getDomProperty("value")).isEqualTo(name);
        assertThat(browser.findElement(By.id("new-product-sku")).getDomProperty("value")).isEqualTo(sku);
        assertThat(browser.findElement(By.id("new-product-attributes")).getDomProperty("value"))
                .isEqualTo("vintage: 2019");
        assertThat(browser.findElement(By.id("new-product-channel-web")).isSelected()).isTrue();

        WebElement gtinField = browser.findElement(By.id("new-product-gtin"));
        gtinField.clear();
        gtinField.sendKeys(gtin);
        browser.findElement(By.xpath("//button[normalize-space()='Create product']")).click();

        console.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), name));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Product " + name
                + " created.");
        assertThat(browser.findElement(By.cssSelector("#variants tr[data-sku='" + sku + "']")).getText())
                .contains(sku, gtin, "Szamorodni 0.5 l");
        assertThat(browser.findElement(By.id("attributes")).getText()).contains("vintage", "2019");
        assertThat(browser.findElement(By.id("assortment")).getText()).contains("web");
        assertThat(browser.findElement(By.cssSelector("#images img")).getDomAttribute("src"))
                .isEqualTo("https://images.example.com/" + sku + ".jpg");
    }
}
