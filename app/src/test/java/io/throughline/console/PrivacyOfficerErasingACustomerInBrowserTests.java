package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The brand's privacy officer (an administrator) works an erasure request from start to end in the console: notes
 * it down, verifies the requester, erases, and hands on the receipt.
 */
class PrivacyOfficerErasingACustomerInBrowserTests extends BrowserTest {

    static final String ADMIN = "admin@tokaj-cellars.example";

    @Test
    void anErasureRequestIsNotedVerifiedAndCarriedOutWithItsReceiptShown() {
        Admin admin = new Admin(port);
        String email = "erase-me-" + UUID.randomUUID() + "@example.com";
        var created = admin.api().post("/api/customers", Api.json(Map.of("givenName", "Klara", "familyName",
                "Szabo", "email", email)));
        assertThat(created.status()).isEqualTo(201);
        String profile = created.json().get("id").asString();

        console.signIn(ADMIN, PlatformTest.DEMO_STAFF_PASSWORD);
        browser.findElement(By.linkText("Privacy")).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("request-customer")));

        // A typo first: the form comes back with the message at the field and what was typed kept.
        new Select(browser.findElement(By.id("request-kind"))).selectByValue("ERASURE");
        browser.findElement(By.id("request-customer")).sendKeys("nobody-" + email);
        browser.findElement(By.id("request-details")).sendKeys("Please delete everything you hold about me.");
        browser.findElement(By.cssSelector("form[aria-labelledby='new-request-heading'] button")).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("request-customer-error")));
        assertThat(browser.findElement(By.id("request-customer-error")).getText()).contains("no customer");
        assertThat(browser.findElement(By.id("request-details")).getDomProperty("value"))
                .isEqualTo("Please delete everything you hold about me.");
        assertThat(new Select(browser.findElement(By.id("request-kind"))).getFirstSelectedOption()
                .getDomAttribute("value")).isEqualTo("ERASURE");

        browser.findElement(By.id("request-customer")).clear();
        browser.findElement(By.id("request-customer")).sendKeys(email);
        browser.findElement(By.cssSelector("form[aria-labelledby='new-request-heading'] button")).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("verify")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Erasure").contains("Klara Szabo");
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("Received");
        assertThat(browser.findElements(By.id("erase"))).isEmpty();

        new Select(browser.findElement(By.id("verify-method"))).selectByValue("ID_DOCUMENT");
        browser.findElement(By.id("verify-note")).sendKeys("ID card seen at the Budapest shop");
        browser.findElement(By.cssSelector("#verify button")).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("erase")));
        assertThat(browser.findElement(By.id("verification")).getText()).contains("ID card seen");

        browser.findElement(By.cssSelector("#erase button")).click();
        console.waitFor().until(ExpectedConditions.alertIsPresent()).accept();

        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("receipt")));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("Completed");
        assertThat(browser.findElement(By.id("receipt")).getText()).contains(profile).contains("signature");
        assertThat(browser.findElement(By.tagName("h1")).getText()).doesNotContain("Klara");
        assertThat(browser.findElement(By.id("trail")).getText()).contains("Received", "Verified", "Completed");
        assertThat(admin.api().get("/api/customers/" + profile).status()).isEqualTo(404);

        // The list shows the request closed, below the open ones.
        browser.findElement(By.linkText("Data-subject requests")).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("requests")));
        assertThat(browser.findElement(By.id("requests")).getText()).contains("Completed");
    }
}
