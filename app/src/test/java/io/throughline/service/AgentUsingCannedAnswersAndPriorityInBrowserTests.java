package io.throughline.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An agent inserts a canned answer greeting the customer by her first name, edits and sends it, and raises the
 * case's priority, which brings its targets closer; inserting without choosing an answer is refused at the list.
 */
class AgentUsingCannedAnswersAndPriorityInBrowserTests extends BrowserTest {

    @Test
    void theAgentInsertsAGreetingWithHerNameSendsItAndMakesTheCaseUrgent() {
        ServiceFixture inbox = new ServiceFixture(port);
        String title = ServiceFixture.unique("Cork");
        var answer = inbox.api.post("/api/service/canned-answers", Api.json(Map.of("shortcut",
                ServiceFixture.unique("cork"), "title", title,
                "body", "Dear {{firstName|customer}}, we are sending a new bottle today.")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        String address = ServiceFixture.email("eszter");
        inbox.api.post("/api/customers", Api.json(Map.of("email", address, "givenName", "Eszter")));
        String conversation = inbox.stored(inbox.postMail(ServiceFixture.mail(address, "Cork crumbled",
                ServiceFixture.messageId(), "", "The cork crumbled into the wine.")));
        console.signIn("agent@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);
        console.open("/service/conversations/" + conversation);
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("reply-form")));

        browser.findElement(By.id("insert-canned")).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("canned-error")));
        assertThat(browser.findElement(By.id("canned-answer")).getAttribute("aria-invalid")).isEqualTo("true");

        browser.findElement(By.id("reply-text")).sendKeys("Thank you for writing.");
        new Select(browser.findElement(By.id("canned-answer"))).selectByVisibleText(title + " (/"
                + answer.json().get("shortcut").asString() + ")");
        browser.findElement(By.id("insert-canned")).click();
        console.waitFor().until(driver -> driver.findElement(By.id("reply-text")).getDomProperty("value")
                .contains("Dear Eszter, we are sending a new bottle today."));
        assertThat(browser.findElement(By.id("reply-text")).getDomProperty("value"))
                .as("what was typed is kept before the answer").startsWith("Thank you for writing.");
        browser.findElement(By.id("send-reply")).click();
        // The thread is swapped in as messages arrive: the condition reads it afresh each time it looks.
        console.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Dear Eszter, we are sending a new bottle today."));

        new Select(browser.findElement(By.id("priority"))).selectByValue("URGENT");
        browser.findElement(By.id("set-priority")).click();
        console.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("sla"), "Urgent"));

        assertThat(inbox.thread(conversation).get("conversation").get("priority").asString()).isEqualTo("URGENT");
        assertThat(browser.findElement(By.id("sla")).getAttribute("data-sla")).as("answered, so the resolution is what counts now").isEqualTo("ON_TRACK");
    }

    @Test
    void theAgentResolvesACaseAndFindsItInTheReportAndAWrongDayIsShownAtItsField() {
        ServiceFixture inbox = new ServiceFixture(port);
        String conversation = inbox.stored(inbox.postMail(ServiceFixture.mail(ServiceFixture.email("rita"),
                "Opening hours", ServiceFixture.messageId(), "", "Are you open on Sunday?")));
        String demoAgent = java.util.stream.IntStream.range(0, 50)
                .mapToObj(page -> inbox.api.get("/api/staff?size=200&page=" + page).json().get("items"))
                .takeWhile(items -> !items.isEmpty()).flatMap(items -> items.valueStream())
                .filter(account -> account.get("email").asString().equals("agent@tokaj-cellars.example"))
                .findFirst().orElseThrow().get("id").asString();
        inbox.api.put("/api/service/agents/" + demoAgent, Api.json(Map.of("capacity", 50, "available", true)));
        console.signIn("agent@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);
        console.open("/service/reports");
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("report-period")));
        int before = resolvedInTotal();

        console.open("/service/conversations/" + conversation);
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("reply-form")));
        browser.findElement(By.id("take")).click();
        console.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("take")));
        browser.findElement(By.id("reply-text")).sendKeys("Yes, from ten to four.");
        browser.findElement(By.id("send-reply")).click();
        console.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "from ten to four"));
        browser.findElement(By.id("resolve")).click();
        console.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("sla"), "Targets kept"));
        browser.findElement(By.linkText("Back to the inbox")).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("reports-link")));
        browser.findElement(By.id("reports-link")).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("report-period")));

        assertThat(resolvedInTotal()).isEqualTo(before + 1);
        assertThat(browser.findElement(By.id("report-agents")).getText()).contains("Ádám Contact Centre");

        console.open("/service/reports?from=last-week&to=2026-12-01");
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("from-error")));
        assertThat(browser.findElement(By.id("from")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElements(By.id("to-error"))).isEmpty();
    }

    private int resolvedInTotal() {
        return Integer.parseInt(browser.findElement(By.cssSelector("#report-total td.resolved")).getText().strip());
    }
}
