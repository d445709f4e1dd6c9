package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.BrowserTest;
import io.throughline.support.PlatformTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every console page fits a 1366 px laptop and an 820 px tablet in portrait: none scrolls sideways, and no table,
 * form or block of code runs out of the box it sits in over its neighbours. The pages
 * are every area in the administrator's navigation, the first item each list links to (an order, Customer 360,
 * a journey, a product, …) and the forms staff fill in.
 */
class ConsoleFittingLaptopAndTabletScreensInBrowserTests extends BrowserTest {

    private static final Pattern DETAIL_LINK = Pattern.compile(
            "href=\"(/(?:orders|customers|carts|catalog/products|journeys|messages|sources|pricing/[a-z-]+|inventory/[a-z-]+)/[0-9a-z-]{3,})\"");
    private static final Pattern UUID_AT_END = Pattern.compile("/[0-9a-f]{8}-[0-9a-f-]{27}$");
    private static final int[] WIDTHS = {1366, 820};

    @Test
    void noPageScrollsSidewaysAt1366Or820PixelsWide() {
        console.signIn("admin@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);
        List<String> areas = browser.findElements(By.cssSelector("nav#nav a")).stream()
                .map(link -> link.getDomAttribute("href")).toList();
        assertThat(areas).contains("/orders", "/customers", "/journeys");

        Set<String> pages = new LinkedHashSet<>(areas);
        for (String area : areas) {
            console.open(area);
            // The first item the list links to, and the first other page it links to (pick-ups, the mail sink, …).
            Matcher detail = DETAIL_LINK.matcher(browser.getPageSource());
            boolean item = false;
            boolean other = false;
            while (detail.find() && !(item && other)) {
                boolean isItem = UUID_AT_END.matcher(detail.group(1)).find();
                if (isItem ? !item : !other) {
                    pages.add(detail.group(1));
                }
                item |= isItem;
                other |= !isItem;
            }
        }
        pages.addAll(List.of("/journeys/abandoned-cart", "/journeys/new", "/journeys/abandoned-cart/steps", "/journeys/abandoned-cart/edit",
                "/account", "/account/preferences", "/orders/pickups", "/orders/returns", "/this-page-is-not-here"));
        assertThat(pages).anyMatch(page -> page.matches("/orders/[0-9a-f-]{36}"))
                .anyMatch(page -> page.matches("/customers/[0-9a-f-]{36}"));

        List<String> overflowing = new ArrayList<>();
        try {
            for (int width : WIDTHS) {
                browser.manage().window().setSize(new Dimension(width, 900));
                for (String page : pages) {
                    console.open(page);
                    long scroll = number("return document.documentElement.scrollWidth");
                    long client = number("return document.documentElement.clientWidth");
                    if (scroll > client) {
                        // Measured again once the layout has settled: the vertical scrollbar appearing right after
                        // the load narrows the page for a moment before the content reflows into it.
                        settle();
                        scroll = number("return document.documentElement.scrollWidth");
                        client = number("return document.documentElement.clientWidth");
                    }
                    if (scroll > client) {
                        overflowing.add(width + " px " + page + ": " + scroll + " > " + client + " ("
                                + widest() + ")");
                    }
                    String spilling = spilling();
                    if (!spilling.isEmpty()) {
                        overflowing.add(width + " px " + page + ": " + spilling);
                    }
                }
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
        assertThat(overflowing).as("pages that scroll sideways").isEmpty();
    }

    private void settle() {
        ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 250)));
                """);
    }

    private long number(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }

    /**
     * Tables, lists of facts, forms and blocks of code wider than the box they sit in: they run over what is
     * beside them (the overlapping tables of Customer 360) even when the page as a whole does not scroll.
     */
    private String spilling() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("""
                const found = [];
                for (const element of document.querySelectorAll('main table, main dl, main form, main pre, main ol, main ul')) {
                  let box = element.parentElement;
                  while (box && getComputedStyle(box).display === 'contents') { box = box.parentElement; }
                  if (!box || element.closest('[hidden]')) { continue; }
                  const style = getComputedStyle(box);
                  if (style.overflowX !== 'visible') { continue; }
                  const inner = box.getBoundingClientRect().right - parseFloat(style.paddingRight);
                  const right = element.getBoundingClientRect().right;
                  if (element.offsetParent !== null && right > inner + 1) {
                    found.push(element.tagName + (element.id ? '#' + element.id : '') + ' ends at ' + Math.round(right)
                        + ' past ' + box.tagName + (box.className ? '.' + String(box.className).split(' ').join('.') : '')
                        + ' at ' + Math.round(inner));
                  }
                }
                return found.join('; ');
                """));
    }

    /** The element or text reaching furthest right, to say what to fix. */
    private String widest() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("""
                let worst = '', right = 0;
                const name = element => element.tagName + (element.id ? '#' + element.id : '')
                    + (element.className ? '.' + String(element.className).split(' ').join('.') : '');
                for (const element of document.querySelectorAll('body *')) {
                  const box = element.getBoundingClientRect();
                  if (box.right > right) { right = box.right; worst = name(element); }
                }
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const range = document.createRange();
                for (let text = walker.nextNode(); text; text = walker.nextNode()) {
                  range.selectNodeContents(text);
                  const box = range.getBoundingClientRect();
                  if (box.right > right) { right = box.right; worst = 'text in ' + name(text.parentElement); }
                }
                return worst + ' ' + right;
                """));
    }
}
