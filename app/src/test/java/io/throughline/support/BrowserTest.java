package io.throughline.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A console scenario in a real browser: one headless Chromium per test class, against the running platform. */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    protected ConsoleBrowser console;
    protected WebDriver browser;

    @BeforeAll
    void startBrowser() {
        console = ConsoleBrowser.start(port);
        browser = console.driver();
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (console != null) {
            console.close();
        }
    }
}
