package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An administrator opens an account for a new shop associate in a real Chromium: a time zone that is not one
 * is refused at its field with everything else kept, the corrected form creates the account with its shop
 * shown by name, and the new associate signs in with the first password.
 */
class AdminCreatingAStaffAccountInBrowserTests extends BrowserTest {

    static final String ADMIN = "admin@tokaj-cellars.example";

    @Test
    void adminCreatesAShopAssociateWhoCanSignIn() {
        String email = "new-associate-" + System.nanoTime() + "@tokaj-cellars.example";
        console.signIn(ADMIN, PlatformTest.DEMO_STAFF_PASSWORD);
        browser.findElement(By.linkText(ADMIN)).click();
        browser.findElement(By.linkText("Staff accounts")).click();
        console.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "Staff"));

        browser.findElement(By.id("new-email")).sendKeys(email);
        browser.findElement(By.id("new-name")).sendKeys("Réka Tóth");
        new Select(browser.findElement(By.id("new-role"))).selectByVisibleText("Store associate");
        new Select(browser.findElement(By.id("new-shop"))).selectByVisibleText("Tokaj Cellars Budapest");
        browser.findElement(By.id("new-zone")).sendKeys("Europe/Budapets");
        browser.findElement(By.id("new-password")).sendKeys("first-shift-password");
        browser.findElement(By.xpath("//button[normalize-space()='Create account']")).click();

        WebElement zoneError = console.waitFor().until(
                ExpectedConditions.visibilityOfElementLocated(By.id("new-zone-error")));
        assertThat(zoneError.getText()).contains("is not a time zone");
        assertThat(browser.findElement(By.id("new-zone")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("new-email")).getDomProperty("value")).isEqualTo(email);
        assertThat(browser.findElement(By.id("new-name")).getDomProperty("value")).isEqualTo("Réka Tóth");
        assertThat(new Select(browser.findElement(By.id("new-role"))).getFirstSelectedOption().getText())
                .isEqualTo("Store associate");
        assertThat(new Select(browser.findElement(By.id("new-shop"))).getFirstSelectedOption().getText())
                .isEqualTo("Tokaj Cellars Budapest");
        assertThat(browser.findElement(By.id("new-zone")).getDomProperty("value")).isEqualTo("Europe/Budapets");
        assertThat(browser.findElements(By.id("new-email-error"))).isEmpty();

        WebElement zone = browser.findElement(By.id("new-zone"));
        zone.clear();
        zone.sendKeys("Europe/Budapest");
        browser.findElement(By.id("new-password")).sendKeys("first-shift-password");
        browser.findElement(By.xpath("//button[normalize-space()='Create account']")).click();

        console.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "Réka Tóth"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Réka Tóth", "created");
        assertThat(browser.findElement(By.id("staff-facts")).getText())
                .contains(email, "Store associate", "Tokaj Cellars Budapest", "Europe/Budapest", "Enabled");

        browser.findElement(By.linkText("Staff")).click();
        WebElement row = listedOnSomePage(By.cssSelector("#staff-accounts tr[data-email='" + email + "']"));
        assertThat(row.findElements(By.tagName("td")).stream().map(WebElement::getText)).containsExactly(
                "Réka Tóth", email, "Store associate", "Tokaj Cellars Budapest", "Europe/Budapest", "Enabled");

        // The account is real: the associate signs in with the first password and is told who she is.
        console.signIn(email, "first-shift-password");
        browser.findElement(By.linkText(email)).click();
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText())
                .contains("Réka Tóth", "Store associate", "Tokaj Cellars Budapest");
        assertThat(browser.findElements(By.id("staff-administration"))).isEmpty();
    }

    /** The list pages by email, and a brand whose staff fill more than a page finds the new one further on. */
    private WebElement listedOnSomePage(By row) {
        while (true) {
            List<WebElement> found = browser.findElements(row);
            if (!found.isEmpty()) {
                return found.getFirst();
            }
            WebElement next = browser.findElement(By.cssSelector("nav.pager a[rel=next]"));
            String current = browser.getCurrentUrl();
            next.click();
            console.waitFor().until(ExpectedConditions.not(ExpectedConditions.urlToBe(current)));
        }
    }
}
