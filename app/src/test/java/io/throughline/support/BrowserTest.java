package io.throughline.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A console scenario in a real browser against the running platform. The classes share one headless Chromium
 * (starting one costs seconds); each class gets it with no one signed in, one window of the default size.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    protected ConsoleBrowser console;
    protected WebDriver browser;

    @BeforeAll
    void startBrowser() {
        console = ConsoleBrowser.shared(port);
        console.reset();
        browser = console.driver();
    }

    @AfterAll
    void stopBrowser() {
        if (console != null) {
            try {
                console.reset();
            } catch (WebDriverException gone) {
                // The next class asks for the shared browser again, which starts a new one when this one is gone.
            }
        }
    }
}
