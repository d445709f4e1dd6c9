package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A contact-centre agent in a real Chromium corrects a caller's details (a mistyped email is refused at its
 * field with the rest kept), records that she agrees to marketing by SMS, and notes what the call was about.
 */
class AgentEditingACustomerInBrowserTests extends BrowserTest {

    static final String AGENT = "agent@tokaj-cellars.example";

    @Test
    void agentEditsACustomerRecordsHerConsentAndNotesTheCall() {
        String email = "caller-" + System.nanoTime() + "@example.com";
        // Her own number: a number erased elsewhere on the shared platform is suppressed and would be refused.
        String digits = String.format("%07d", System.nanoTime() % 10_000_000);
        var created = new Admin(port).api().post("/api/customers", Api.json(Map.of("givenName", "Zsófi",
                "email", email)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        console.signIn(AGENT, PlatformTest.DEMO_STAFF_PASSWORD);
        console.open("/customers?q=" + email);
        browser.findElement(By.linkText("Zsófi")).click();

        browser.findElement(By.linkText("Edit details")).click();
        browser.findElement(By.id("customer-familyName")).sendKeys("Kiss");
        WebElement emailField = browser.findElement(By.id("customer-email"));
        emailField.clear();
        emailField.sendKeys("zsofi.kiss@@example.com");
        browser.findElement(By.id("customer-phone")).sendKeys("06 30 " + digits);
        // The browser's own check would stop a malformed email before the server sees it.
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.getElementById('customer-form').noValidate = true");
        browser.findElement(By.xpath("//button[normalize-space()='Save changes']")).click();

        WebElement emailError = console.waitFor().until(
                ExpectedConditions.visibilityOfElementLocated(By.id("customer-email-error")));
        assertThat(emailError.getText()).isNotBlank();
        assertThat(browser.findElement(By.id("customer-email")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("customer-email")).getDomProperty("value"))
                .isEqualTo("zsofi.kiss@@example.com");
        assertThat(browser.findElement(By.id("customer-familyName")).getDomProperty("value")).isEqualTo("Kiss");
        assertThat(browser.findElement(By.id("customer-phone")).getDomProperty("value")).isEqualTo("06 30 " + digits);

        emailField = browser.findElement(By.id("customer-email"));
        emailField.clear();
        emailField.sendKeys("zsofi.kiss." + email);
        browser.findElement(By.xpath("//button[normalize-space()='Save changes']")).click();
        console.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "Zsófi Kiss"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Changes saved.");
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText())
                .contains("zsofi.kiss." + email, "+3630" + digits);

        browser.findElement(By.linkText("Record consent")).click();
        new Select(browser.findElement(By.id("consent-purpose"))).selectByVisibleText("Marketing");
        browser.findElement(By.id("consent-granted")).click();
        browser.findElement(By.xpath("//button[normalize-space()='Record consent']")).click();
        WebElement channelError = console.waitFor().until(
                ExpectedConditions.visibilityOfElementLocated(By.id("consent-channel-error")));
        assertThat(channelError.getText()).isNotBlank();
        assertThat(new Select(browser.findElement(By.id("consent-purpose"))).getFirstSelectedOption().getText())
                .isEqualTo("Marketing");
        assertThat(browser.findElement(By.id("consent-granted")).isSelected()).isTrue();

        new Select(browser.findElement(By.id("consent-channel"))).selectByVisibleText("SMS");
        browser.findElement(By.xpath("//button[normalize-space()='Record consent']")).click();
        console.waitFor().until(ExpectedConditions.textToBe(By.cssSelector("[role=status]"), "Consent recorded."));
        assertThat(browser.findElement(By.cssSelector("#consents tr[data-consent='marketing:sms']")).getText())
                .contains("Marketing", "SMS", "granted", "stated to staff");
        var consents = new Admin(port).api().get("/api/customers/" + id).json().get("consents");
        assertThat(consents.valueStream().anyMatch(consent -> consent.get("purpose").asString().equals("marketing")
                && consent.get("channel").asString().equals("sms") && consent.get("granted").asBoolean())).isTrue();

        browser.findElement(By.linkText("Add a note")).click();
        browser.findElement(By.id("note-text")).sendKeys("Asked about the 2017 Aszú; calls back on Friday.");
        browser.findElement(By.xpath("//button[normalize-space()='Add note']")).click();
        console.waitFor().until(ExpectedConditions.textToBe(By.cssSelector("[role=status]"),
                "Note added to the timeline."));
        console.waitFor().until(driver -> new Admin(port).timelineLabels(id).contains("Note Added"));
    }
}
