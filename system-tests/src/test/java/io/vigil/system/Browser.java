package io.vigil.system;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;

import static org.awaitility.Awaitility.await;

/**
 * Debian's Chromium, headless, driven by Selenium through Debian's chromedriver ({@code apt-get install chromium
 * chromium-driver}; {@code ./vigil test} installs both): Selenium Manager cannot download drivers here. Keeps the
 * browser's console log, to find Content-Security-Policy violations, and saves screenshots as test artifacts.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path screenshots;
    private final List<String> log = new ArrayList<>();

    private Browser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    static Browser open(Path screenshots) {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1400,1000", "--no-first-run", "--disable-extensions");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Browser(driver, screenshots);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** The element, waiting up to 30 s for it to exist. */
    WebElement find(String css) {
        return await("element " + css).atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> driver.findElement(By.cssSelector(css)), e -> e != null);
    }

    /** The element, or null when there is none now. */
    WebElement maybe(String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.getFirst();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * The element's text, read from the element the selector names at that moment: the live page replaces rows and
     * tables while it is open, so a handle kept from an earlier look may be gone. Waits up to 30 s for it to exist.
     */
    String text(String css) {
        return onElement(css, WebElement::getText);
    }

    /** The element's text now, or null when there is none (or it was replaced while being read). */
    String textNow(String css) {
        try {
            WebElement element = maybe(css);
            return element == null ? null : element.getText();
        } catch (StaleElementReferenceException replaced) {
            return null;
        }
    }

    String attribute(String css, String attribute) {
        return onElement(css, e -> e.getAttribute(attribute));
    }

    String cssValue(String css, String property) {
        return onElement(css, e -> e.getCssValue(property));
    }

    /** Clicks the element the selector names, again on a fresh look when the page replaced it in between. */
    void click(String css) {
        onElement(css, e -> {
            e.click();
            return Boolean.TRUE;
        });
    }

    private <T> T onElement(String css, Function<WebElement, T> action) {
        return await("element " + css).atMost(Duration.ofSeconds(30))
                .ignoreExceptionsMatching(e -> e instanceof StaleElementReferenceException
                        || e instanceof NoSuchElementException)
                .until(() -> action.apply(driver.findElement(By.cssSelector(css))), Objects::nonNull);
    }

    void awaitText(String css, String text) {
        await(css + " says " + text).atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> text.equals(driver.findElement(By.cssSelector(css)).getText()));
    }

    void awaitAttribute(String css, String attribute, String value) {
        await(css + " " + attribute + "=" + value).atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> value.equals(driver.findElement(By.cssSelector(css)).getAttribute(attribute)));
    }

    Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    void screenshot(String name) {
        try {
            Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the browser logged about its Content-Security-Policy since it started. */
    List<String> cspViolations() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            log.add(entry.getMessage());
        }
        return log.stream().filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
