package io.throughline.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium on the console, as a member of staff uses it. Debian's chromium and chromedriver are
 * used as installed; nothing is downloaded. One per test class: start it in {@code @BeforeAll}, close it in
 * {@code @AfterAll}.
 */
public final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

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
                    "--window-size=1280,900");
            return new ConsoleBrowser(port, profileDirectory, new ChromeDriver(service, options));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
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

    public WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
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
