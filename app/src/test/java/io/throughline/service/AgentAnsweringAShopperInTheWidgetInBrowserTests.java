package io.throughline.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A shopper chats in the widget on the brand's page while an agent answers in the console: each side sees the
 * other's lines arrive without reloading (server-sent events both ways).
 */
class AgentAnsweringAShopperInTheWidgetInBrowserTests extends BrowserTest {

    @Test
    void theShoppersLinesReachTheAgentsOpenConversationAndHerAnswerReachesTheWidget() {
        console.signIn("agent@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);
        String agent = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        String shopper = browser.getWindowHandle();
        console.open("/m/chat/demo?key=" + PlatformTest.WEB_WRITE_KEY);
        console.waitFor().until(ExpectedConditions.attributeToBe(By.id("tl-chat"), "data-ready", "true"));
        say("Is the 2017 Aszú still in stock?");
        console.waitFor().until(driver -> lines("tl-chat-mine").contains("Is the 2017 Aszú still in stock?"));
        String anonymousId = (String) ((JavascriptExecutor) browser)
                .executeScript("return window.localStorage.getItem('tl_chat_anonymous_id');");
        ServiceFixture inbox = new ServiceFixture(port);
        String profile = inbox.admin.profileOf("anonymous_id:" + anonymousId);
        String conversation = inbox.api.get("/api/service/customers/" + profile + "/panel").json()
                .get("conversations").get(0).get("id").asString();

        browser.switchTo().window(agent);
        console.open("/service/conversations/" + conversation);
        console.waitFor().until(ExpectedConditions.attributeToBe(By.id("conversation"), "data-live", "true"));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("Is the 2017 Aszú still in stock?");

        browser.switchTo().window(shopper);
        say("And can I pick it up in Budapest?");
        browser.switchTo().window(agent);
        console.waitFor().until(driver -> driver.findElement(By.id("messages")).getText()
                .contains("And can I pick it up in Budapest?"));

        browser.findElement(By.id("reply-text")).sendKeys("Yes, six bottles are waiting at the Budapest shop.");
        browser.findElement(By.id("send-reply")).click();
        console.waitFor().until(driver -> driver.findElement(By.id("messages")).getText()
                .contains("six bottles are waiting"));

        browser.switchTo().window(shopper);
        console.waitFor().until(driver -> lines("tl-chat-theirs")
                .contains("Yes, six bottles are waiting at the Budapest shop."));
        assertThat(lines("tl-chat-mine")).containsExactly("Is the 2017 Aszú still in stock?",
                "And can I pick it up in Budapest?");
    }

    @Test
    void anEmptyAnswerIsRefusedAtItsFieldAndTheAgentStaysOnTheConversation() {
        ServiceFixture inbox = new ServiceFixture(port);
        String conversation = inbox.stored(inbox.postMail(ServiceFixture.mail(ServiceFixture.email("empty"),
                "Question", ServiceFixture.messageId(), "", "Hello?")));
        console.signIn("agent@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);
        console.open("/service/conversations/" + conversation);

        browser.findElement(By.id("reply-text")).sendKeys("   ");
        browser.findElement(By.id("send-reply")).click();

        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("reply-error")));
        assertThat(browser.findElement(By.id("reply-error")).getText()).contains("text");
        assertThat(browser.findElement(By.id("messages")).getText()).contains("Hello?");
    }

    private void say(String text) {
        WebElement input = browser.findElement(By.id("tl-chat-input"));
        input.sendKeys(text);
        browser.findElement(By.id("tl-chat-send")).click();
    }

    private List<String> lines(String className) {
        return browser.findElements(By.className(className)).stream().map(WebElement::getText).toList();
    }
}
