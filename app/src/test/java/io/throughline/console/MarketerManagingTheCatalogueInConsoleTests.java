package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A marketer finds a wine by typing its name without accents, corrects its name, and loads a CSV file whose
 * progress and refused rows the console shows.
 */
class MarketerManagingTheCatalogueInConsoleTests extends BrowserTest {

    static final String MARKETER = "marketing@tokaj-cellars.example";

    @Test
    void marketerSearchesEditsAndImportsProducts() throws Exception {
        String marker = "c" + Long.toString(System.nanoTime(), 36);
        var created = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN).post("/api/catalog/products", Api.json(Map.of(
                "name", "Tokaji Aszú Különleges " + marker,
                "attributes", List.of(Map.of("name", "vintage", "value", "2013")),
                "assortment", List.of(Map.of("channel", "shop-tokaj", "from", "2026-01-01T00:00:00Z")),
                "variants", List.of(Map.of("sku", "con-" + marker)))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        console.signIn(MARKETER, PlatformTest.DEMO_STAFF_PASSWORD);
        browser.findElement(By.linkText("Catalogue")).click();
        browser.findElement(By.id("product-search")).sendKeys("tokaji aszu kulonleges " + marker);
        console.waitFor().until(ExpectedConditions.elementToBeClickable(By.linkText("Tokaji Aszú Különleges " + marker)));
        assertThat(browser.findElement(By.cssSelector("#product-results .count")).getText()).isEqualTo("1 product");
        browser.findElement(By.linkText("Tokaji Aszú Különleges " + marker)).click();

        console.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "Tokaji Aszú Különleges " + marker));
        assertThat(browser.findElement(By.id("variants")).getText()).contains(("con-" + marker).toUpperCase());
        assertThat(browser.findElement(By.id("attributes")).getText()).contains("vintage", "2013");
        assertThat(browser.findElement(By.id("assortment")).getText()).contains("shop-tokaj");
        var name = browser.findElement(By.id("product-name"));
        name.clear();
        name.sendKeys("Tokaji Aszú 6 puttonyos Különleges " + marker);
        browser.findElement(By.xpath("//button[normalize-space()='Save']")).click();
        console.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"),
                "Tokaji Aszú 6 puttonyos Különleges " + marker));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("saved");

        Path csv = Files.createTempFile("products-", ".csv");
        Files.writeString(csv, "sku,name,gtin\nimp-" + marker + ",Tokaji Furmint " + marker + ",\nimp2-" + marker
                + ",Broken,4006381333932\n");
        console.open("/catalog/imports");
        browser.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.xpath("//button[normalize-space()='Import']")).click();
        console.waitFor().until(ExpectedConditions.attributeToBe(By.id("import-progress"), "data-status", "COMPLETED"));
        assertThat(browser.findElement(By.id("import-loaded")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("import-errors")).getText()).contains("3", "gtin", "check digit");
        assertThat(browser.findElement(By.id("import-bar")).getDomProperty("value")).isEqualTo("100");
        Files.delete(csv);
    }
}
