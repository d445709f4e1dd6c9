package io.throughline.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The demo brand's analyst opens the shared dashboard in a real Chromium: KPI tiles over the demo brand's orders,
 * the monthly and the attribution charts drawn by Chart.js, a period she typed the wrong way round refused at its
 * field with what she typed kept, and a tile that drills down into its KPI month by month and channel by channel.
 */
class AnalystOpeningTheDashboardInBrowserTests extends BrowserTest {

    @Test
    void analystSeesTilesChartsAndDrillsIntoAverageOrderValue() {
        console.signIn("analyst@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);
        browser.findElement(By.linkText("Analytics")).click();
        console.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "Analytics"));
        String from = LocalDate.now(ZoneOffset.UTC).minusDays(180).toString();
        console.open("/analytics?from=" + from);

        String orderValue = browser.findElement(By.cssSelector("#kpi-average-order-value .figure")).getText();
        assertThat(orderValue).contains("HUF").containsPattern("[1-9]").doesNotContain("–");
        for (String chart : new String[] {"monthly-chart", "attribution-chart"}) {
            console.waitFor().until(ExpectedConditions.attributeToBe(By.id(chart), "data-drawn", "true"));
            Object datasets = ((JavascriptExecutor) browser).executeScript(
                    "return Chart.getChart(arguments[0]).data.datasets.length", browser.findElement(By.id(chart)));
            assertThat(((Number) datasets).intValue()).as(chart).isGreaterThanOrEqualTo(2);
        }
        assertThat(browser.findElement(By.id("export-csv")).getDomAttribute("href")).contains("/analytics/export.csv");

        console.open("/analytics?from=2026-05-01&to=2026-04-01");
        assertThat(browser.findElement(By.id("to-error")).getText()).contains("after");
        assertThat(browser.findElement(By.id("to")).getDomProperty("value")).isEqualTo("2026-04-01");
        assertThat(browser.findElement(By.id("from")).getDomProperty("value")).isEqualTo("2026-05-01");

        console.open("/analytics?from=" + from);
        browser.findElement(By.id("kpi-average-order-value")).click();
        console.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "Average order value"));
        console.waitFor().until(ExpectedConditions.attributeToBe(By.id("kpi-chart"), "data-drawn", "true"));
        assertThat(browser.findElement(By.id("kpi-value")).getText()).isEqualTo(orderValue);
        assertThat(browser.findElement(By.id("kpi-by-channel")).getText()).contains("shop-budapest", "web");
    }

    @Test
    void analystNarrowsToASegmentSetsATargetAndReadsTheWeeklyReview() {
        console.signIn("analyst@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);
        String from = LocalDate.now(ZoneOffset.UTC).minusDays(180).toString();
        console.open("/analytics?from=" + from + "&segment=no-such-segment");
        assertThat(browser.findElement(By.id("segment-error")).getText()).contains("not a segment");

        console.open("/analytics?from=" + from);
        String everyone = browser.findElement(By.cssSelector("#kpi-orders .figure")).getText();
        new Select(browser.findElement(By.id("segment"))).selectByValue("loyal-but-rarely-buying");
        browser.findElement(By.cssSelector("#analytics-filter button[type=submit]")).click();
        console.waitFor().until(ExpectedConditions.urlContains("segment=loyal-but-rarely-buying"));
        console.waitFor().until(ExpectedConditions.not(
                ExpectedConditions.textToBe(By.cssSelector("#kpi-orders .figure"), everyone)));
        String narrowed = browser.findElement(By.cssSelector("#kpi-orders .figure")).getText();
        assertThat(Long.parseLong(narrowed.replaceAll("[^0-9]", "")))
                .isLessThan(Long.parseLong(everyone.replaceAll("[^0-9]", "")));
        assertThat(browser.findElement(By.id("export-csv")).getDomAttribute("href"))
                .contains("segment=loyal-but-rarely-buying");

        console.open("/analytics/kpis/new-customers");
        browser.findElement(By.id("set-target")).click();
        console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("target-form")));
        browser.findElement(By.id("low")).sendKeys("lots");
        browser.findElement(By.cssSelector("#target-form button[type=submit]")).click();
        try {
            console.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("low-error")));
        } catch (org.openqa.selenium.TimeoutException missing) {
            throw new AssertionError("no error at low on " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("body")).getText(), missing);
        }
        assertThat(browser.findElement(By.id("low-error")).getText()).contains("number");
        assertThat(browser.findElement(By.id("low")).getDomProperty("value")).isEqualTo("lots");

        browser.findElement(By.id("low")).clear();
        browser.findElement(By.id("low")).sendKeys("1000000");
        browser.findElement(By.id("keyMetric")).click();
        browser.findElement(By.cssSelector("#target-form button[type=submit]")).click();
        console.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "Weekly review"));
        String line = browser.findElement(By.id("review-new-customers")).getText();
        assertThat(line).contains("New customers", "≥ 1 000 000", "off target");

        console.open("/analytics?from=" + from);
        assertThat(browser.findElement(By.cssSelector("#kpi-new-customers .off-target")).getText())
                .isEqualTo("off target");
    }
}
