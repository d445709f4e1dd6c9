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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A marketer in a real Chromium opens the abandoned-cart journey, reads its steps, dry-runs it for a customer
 * without leaving the page, and meets the server's problem with a broken definition at its JSON path.
 */
class MarketerDryRunningAJourneyInBrowserTests extends BrowserTest {

    static final String MARKETER = "marketing@tokaj-cellars.example";

    @Test
    void marketerReadsTheCartJourneyDryRunsItAndIsToldWhereHerEditIsWrong() {
        String email = "browser-dry-" + UUID.randomUUID() + "@example.com";
        var created = new Admin(port).api().post("/api/customers", Api.json(Map.of("givenName", "Lili",
                "email", email)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        console.signIn(MARKETER, PlatformTest.DEMO_STAFF_PASSWORD);

        browser.findElement(By.linkText("Journeys")).click();
        console.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "Journeys"));
        console.open("/journeys/abandoned-cart");
        assertThat(browser.findElement(By.id("journey-trigger")).getText())
                .isEqualTo("When the customer does “Product Added” where cart_id exists.");
        assertThat(browser.findElement(By.id("step-remind")).getText()).contains("Kosáremlékeztető", "Best channel");
        String url = browser.getCurrentUrl();

        browser.findElement(By.id("dry-run-customer")).sendKeys(email);
        browser.findElement(By.id("dry-run-events")).sendKeys("Product Viewed after 2h");
        browser.findElement(By.xpath("//button[normalize-space()='Run']")).click();

        // htmx puts the path under the form; the page stays where it was.
        WebElement outcome = console.waitFor().until(
                ExpectedConditions.visibilityOfElementLocated(By.id("dry-run-outcome")));
        assertThat(outcome.getText()).isEqualTo("completed");
        assertThat(browser.findElement(By.id("dry-run-path")).getText()).contains("wait-for-order", "timed out",
                "remind");
        assertThat(browser.getCurrentUrl()).isEqualTo(url);

        browser.findElement(By.linkText("Edit the definition")).click();
        WebElement definition = console.waitFor().until(
                ExpectedConditions.visibilityOfElementLocated(By.id("definition")));
        String broken = definition.getDomProperty("value").replaceAll("\"onTimeout\"\\s*:\\s*\"remind\"",
                "\"onTimeout\": \"remind-later\"");
        assertThat(broken).contains("remind-later");
        definition.clear();
        definition.sendKeys(broken);
        browser.findElement(By.xpath("//button[normalize-space()='Save as a new version']")).click();

        WebElement problem = console.waitFor().until(
                ExpectedConditions.visibilityOfElementLocated(By.id("definition-problem")));
        assertThat(problem.getText()).isEqualTo("$.steps.wait-for-order.onTimeout names no step: 'remind-later'");
        assertThat(browser.findElement(By.id("definition")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("definition")).getDomProperty("value")).contains("remind-later");
    }
}
