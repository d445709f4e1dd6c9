package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.customers.CustomerDetails;
import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A store associate uses the console in a real headless Chromium: signs in, finds a customer by typing
 * part of her email, and opens her page.
 */
class ConsoleInBrowserTests extends BrowserTest {

    @Autowired
    CustomerProfiles customers;

    @Test
    void storeAssociateSignsInSearchesACustomerAndOpensHerPage() {
        String marker = Long.toString(System.nanoTime(), 36);
        CustomerProfile eszter = customers.create(new CustomerDetails("Eszter", "Kovács",
                "eszter.kovacs." + marker + "@example.com", "+36 20 555 0101"));

        signIn("budapest@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);
        browser.findElement(By.linkText("Customers")).click();
        WebElement search = waitFor().until(ExpectedConditions.elementToBeClickable(By.id("customer-search")));
        search.sendKeys("kovacs." + marker);
        // htmx replaces the results while she types; only her profile is left once the search has run.
        waitFor().until(ExpectedConditions.textToBe(By.cssSelector("#customer-results .count"), "1 customer"));
        WebElement match = browser.findElement(By.cssSelector("#customer-results tbody a"));
        assertThat(match.getText()).isEqualTo("Eszter Kovács");
        assertThat(browser.getCurrentUrl()).contains("q=kovacs." + marker);
        match.click();

        waitFor().until(ExpectedConditions.urlContains("/customers/" + eszter.id()));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Eszter Kovács");
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText())
                .contains("eszter.kovacs." + marker + "@example.com", "+36205550101");
    }

    @Test
    void formControlsAreLabelledAndTheSkipLinkLeadsToTheContent() {
        signIn("tokaj@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);
        browser.get(url("/customers"));

        WebElement search = browser.findElement(By.id("customer-search"));
        assertThat(browser.findElements(By.cssSelector("label[for='customer-search']"))).hasSize(1);
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to content");
        assertThat(search.getAttribute("hx-get")).isEqualTo("/customers");
    }

    @Test
    void onATabletTheNavigationOpensFromTheMenuButton() {
        signIn("agent@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);
        browser.manage().window().setSize(new Dimension(820, 1180));
        try {
            browser.get(url("/"));
            WebElement nav = browser.findElement(By.id("nav"));
            assertThat(nav.isDisplayed()).isFalse();

            browser.findElement(By.cssSelector(".nav-toggle")).click();

            assertThat(nav.isDisplayed()).isTrue();
            assertThat(browser.findElement(By.cssSelector(".nav-toggle")).getAttribute("aria-expanded"))
                    .isEqualTo("true");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void dashboardDrawsTheNewCustomersChart() {
        signIn("marketing@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);
        browser.get(url("/"));

        waitFor().until(driver -> ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return window.Chart && Chart.getChart('new-customers-chart') !== undefined"));
        assertThat(browser.findElement(By.id("new-customers-table")).getAttribute("class"))
                .contains("visually-hidden");
    }

    private void signIn(String email, String password) {
        console.signIn(email, password);
    }

    private WebDriverWait waitFor() {
        return console.waitFor();
    }

    private String url(String path) {
        return console.url(path);
    }
}
