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
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * A marketer in a real Chromium builds a two-step journey (Cart Abandoned → wait an hour → send the cart
 * reminder) in forms alone, meets the server's refusal at the step at fault, saves it valid and dry-runs it
 * beside the builder; the API then holds the same JSON definition she never saw.
 */
class MarketerBuildingAJourneyWithoutJsonInBrowserTests extends BrowserTest {

    @Test
    void marketerBuildsATwoStepJourneyInFormsSavesItValidAndDryRunsIt() {
        String email = "builder-" + UUID.randomUUID() + "@example.com";
        Admin admin = new Admin(port);
        var created = admin.api().post("/api/customers", Api.json(Map.of("givenName", "Réka", "email", email)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = "cart-rescue-" + UUID.randomUUID().toString().substring(0, 8);
        console.signIn(MarketerDryRunningAJourneyInBrowserTests.MARKETER, PlatformTest.DEMO_STAFF_PASSWORD);

        browser.findElement(By.linkText("Journeys")).click();
        browser.findElement(By.linkText("New journey")).click();
        console.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "New journey"));
        browser.findElement(By.id("journey-name")).sendKeys("Cart rescue");
        browser.findElement(By.id("journey-key")).sendKeys(key);
        browser.findElement(By.id("journey-trigger")).sendKeys("Cart Abandoned");

        // Each added step comes back in place through htmx, with what was typed so far kept.
        String url = browser.getCurrentUrl();
        addStep("Wait");
        WebElement wait = console.waitFor().until(
                ExpectedConditions.visibilityOfElementLocated(By.id("builder-step-wait-1")));
        assertThat(browser.findElement(By.id("journey-name")).getDomProperty("value")).isEqualTo("Cart rescue");
        WebElement amount = wait.findElement(By.id("wait-1-amount"));
        amount.clear();
        amount.sendKeys("1");
        new Select(wait.findElement(By.id("wait-1-unit"))).selectByVisibleText("hours");
        addStep("Send a message");
        console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("builder-step-send-2")));
        assertThat(browser.getCurrentUrl()).isEqualTo(url);
        // The wait now goes on to the new step by itself; the send leaves the journey.
        assertThat(new Select(browser.findElement(By.id("wait-1-next"))).getFirstSelectedOption().getText())
                .isEqualTo("→ send-2");
        assertThat(new Select(browser.findElement(By.id("send-2-next"))).getFirstSelectedOption().getText())
                .isEqualTo("Leave the journey");
        assertThat(browser.findElement(By.id("wait-1-amount")).getDomProperty("value")).isEqualTo("1");

        // Saved without a message: refused at the send step, in words, with everything else kept.
        save();
        WebElement problem = console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#builder-step-send-2 .step-problem")));
        assertThat(problem.getText()).isEqualTo("Message: names no message: ''");
        assertThat(browser.findElements(By.cssSelector("#builder-step-wait-1 .step-problem"))).isEmpty();
        assertThat(browser.findElement(By.id("journey-trigger")).getDomProperty("value")).isEqualTo("Cart Abandoned");
        assertThat(new Select(browser.findElement(By.id("wait-1-next"))).getFirstSelectedOption().getText())
                .isEqualTo("→ send-2");

        new Select(browser.findElement(By.id("send-2-message"))).selectByVisibleText("Kosáremlékeztető");
        save();
        WebElement saved = console.waitFor().until(
                ExpectedConditions.visibilityOfElementLocated(By.id("builder-saved")));
        assertThat(saved.getText()).startsWith("Valid: saved as version 1.");
        assertThat(browser.findElements(By.tagName("textarea")).stream().map(area -> area.getDomAttribute("id")))
                .as("no JSON on the builder").containsOnly("dry-run-events");

        browser.findElement(By.id("dry-run-customer")).sendKeys(email);
        browser.findElement(By.xpath("//button[normalize-space()='Run']")).click();
        WebElement outcome = console.waitFor().until(
                ExpectedConditions.visibilityOfElementLocated(By.id("dry-run-outcome")));
        assertThat(outcome.getText()).isEqualTo("completed");
        assertThat(browser.findElement(By.id("dry-run-path")).getText()).contains("wait-1", "send-2");

        JsonNode definition = admin.api().get("/api/journeys/" + key + "/versions/1").json().path("definition");
        assertThat(definition.path("trigger").path("event").asString()).isEqualTo("Cart Abandoned");
        assertThat(definition.path("start").asString()).isEqualTo("wait-1");
        assertThat(definition.path("steps").path("wait-1").path("duration").asString()).isEqualTo("1h");
        assertThat(definition.path("steps").path("wait-1").path("next").asString()).isEqualTo("send-2");
        assertThat(definition.path("steps").path("send-2").path("message").asString()).isEqualTo("Kosáremlékeztető");
        assertThat(definition.path("steps").path("send-2").path("next").asString()).isEqualTo("end");
        assertThat(definition.path("steps").path("end").path("type").asString()).isEqualTo("exit");
    }

    private void addStep(String type) {
        browser.findElement(By.xpath("//div[contains(@class,'add-steps')]//button[normalize-space()='" + type + "']"))
                .click();
    }

    private void save() {
        browser.findElement(By.xpath("//button[normalize-space()='Save as a new version']")).click();
    }
}
