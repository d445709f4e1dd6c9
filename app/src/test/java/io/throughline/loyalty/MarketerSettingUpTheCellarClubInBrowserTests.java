package io.throughline.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.carts.CartFixture;
import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The programme page in a real Chromium: a marketer adds tiers, mistypes a threshold and sees the error at that
 * row's field with everything she typed kept, then saves; the tiers are what the API reads back.
 */
class MarketerSettingUpTheCellarClubInBrowserTests extends BrowserTest {

    @Test
    void sheAddsTiersCorrectsAThresholdAndTheProgrammeKeepsThem() {
        CartFixture carts = new CartFixture(port);
        LoyaltyFixture loyalty = new LoyaltyFixture(carts.api);
        loyalty.programme(Map.of());
        try {
            console.signIn(PlatformTest.ADMIN_EMAIL, PlatformTest.ADMIN_PASSWORD);
            console.open("/loyalty");
            WebElement name = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                    By.id("tier-0-name")));
            assertThat(browser.findElement(By.id("f-name")).getAttribute("value")).isEqualTo("Cellar Club");
            assertThat(browser.findElement(By.id("rate-0-spend")).getAttribute("value")).isEqualTo("10");
            name.sendKeys("Silver");
            browser.findElement(By.id("tier-0-threshold")).sendKeys("0");
            browser.findElement(By.id("tier-0-earnPercent")).sendKeys("100");
            browser.findElement(By.id("save-tiers")).click();
            console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
            WebElement second = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                    By.id("tier-1-name")));
            assertThat(browser.findElement(By.id("tier-0-name")).getAttribute("value")).isEqualTo("Silver");

            second.sendKeys("Gold");
            browser.findElement(By.id("tier-1-threshold")).sendKeys("lots");
            browser.findElement(By.id("tier-1-earnPercent")).sendKeys("150");
            browser.findElement(By.id("save-tiers")).click();
            WebElement error = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                    By.id("tier-1-threshold-error")));
            assertThat(error.getText()).isEqualTo("Enter a whole number.");
            assertThat(browser.findElement(By.id("tier-1-name")).getAttribute("value")).isEqualTo("Gold");
            assertThat(browser.findElement(By.id("tier-1-earnPercent")).getAttribute("value")).isEqualTo("150");
            WebElement threshold = browser.findElement(By.id("tier-1-threshold"));
            assertThat(threshold.getAttribute("value")).isEqualTo("lots");
            threshold.clear();
            threshold.sendKeys("0");
            browser.findElement(By.id("save-tiers")).click();
            // The module refuses a threshold that does not rise, at the same field.
            error = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                    By.id("tier-1-threshold-error")));
            assertThat(error.getText()).contains("higher than the tier below");
            threshold = browser.findElement(By.id("tier-1-threshold"));
            threshold.clear();
            threshold.sendKeys("500");
            browser.findElement(By.id("save-tiers")).click();
            console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));

            JsonNode tiers = carts.api.get("/api/loyalty/tiers").json().get("tiers");
            assertThat(tiers.valueStream().map(tier -> tier.get("name").asString() + " "
                    + tier.get("threshold").asLong() + " " + tier.get("earnPercent").asInt()))
                    .containsExactly("Silver 0 100", "Gold 500 150");

            browser.findElement(By.id("reward-0-name")).sendKeys("Tasting for two");
            browser.findElement(By.id("reward-0-points")).sendKeys("200");
            browser.findElement(By.id("save-rewards")).click();
            error = console.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                    By.id("reward-0-couponBatchId-error")));
            assertThat(error.getText()).isEqualTo("Choose a batch of unique coupon codes.");
            assertThat(browser.findElement(By.id("reward-0-name")).getAttribute("value"))
                    .isEqualTo("Tasting for two");
        } finally {
            loyalty.withoutBoosts();
        }
    }
}
