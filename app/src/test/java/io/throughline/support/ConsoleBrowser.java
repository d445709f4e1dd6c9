package io.throughline.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium on the console, as a member of staff uses it. Debian's chromium and chromedriver are
 * used as installed; nothing is downloaded. Either one per test class ({@link #start} in {@code @BeforeAll},
 * {@link #close} in {@code @AfterAll}) or, as {@link BrowserTest} does, the one {@link #shared} by every class
 * of the run and {@link #reset} between classes: a Chromium start costs seconds on a busy machine, a reset
 * a few milliseconds.
 */
public final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Dimension WINDOW = new Dimension(1280, 900);

    private static @Nullable ConsoleBrowser shared;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ConsoleBrowser::closeShared, "console-browser-quit"));
    }

    private final int port;
    private final Path profileDirectory;
    private final WebDriver driver;

    private ConsoleBrowser(int port, Path profileDirectory, WebDriver driver) {
        this.port = port;
        this.profileDirectory = profileDirectory;
        this.driver = driver;
    }

    public static ConsoleBrowser start(int port) {
        try {
            Path profileDirectory = Files.createTempDirectory("chromium-profile");
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profileDirectory,
                    "--window-size=" + WINDOW.width + "," + WINDOW.height);
            return new ConsoleBrowser(port, profileDirectory, new ChromeDriver(service, options));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * The browser every test class of the run shares, started on first use and quit when the JVM ends; a new one
     * if the platform answers on another port or the last one no longer responds.
     */
    public static synchronized ConsoleBrowser shared(int port) {
        if (shared != null && (shared.port != port || !shared.responds())) {
            quietly(shared);
            shared = null;
        }
        if (shared == null) {
            shared = start(port);
        }
        return shared;
    }

    private static synchronized void closeShared() {
        if (shared != null) {
            quietly(shared);
            shared = null;
        }
    }

    /**
     * Leaves nothing of the last scenario behind for the next: one window, default size, on a blank page, with no
     * cookies (so nobody is signed in) and no stored state.
     */
    public void reset() {
        String first = driver.getWindowHandles().iterator().next();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(first)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(first);
        if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith(url("/"))) {
            // Storage belongs to the console's origin, so it can only be cleared from one of its pages.
            ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
        }
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(WINDOW);
        driver.get("about:blank");
    }

    private boolean responds() {
        try {
            driver.getWindowHandles();
            return true;
        } catch (WebDriverException gone) {
            return false;
        }
    }

    private static void quietly(ConsoleBrowser browser) {
        try {
            browser.close();
        } catch (IOException | WebDriverException ignored) {
            // A browser that is already gone leaves at most a temporary profile directory behind.
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Signs in with the console's form, as the given member of staff, after signing out whoever was before. */
    public void signIn(String email, String password) {
        driver.manage().deleteAllCookies();
        driver.get(url("/sign-in"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav#nav")));
    }

    public void open(String path) {
        driver.get(url(path));
    }

    /**
     * Waits up to 10 seconds. An element that htmx or a live feed swapped while a condition read it is looked
     * up again at the next try rather than failing the wait.
     */
    public WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profileDirectory)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
