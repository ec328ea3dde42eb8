package dev.refinery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through its chromedriver (both from {@code apt}, see .ci/run),
 * with a profile of its own and Chromium's background traffic off (this machine has no internet).
 * One browser is one person: its own cookies.
 */
final class Browser implements AutoCloseable {

  private static final Path SCREENSHOTS =
      Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

  private String base;
  private final Path profile;
  private final ChromeDriver driver;

  Browser(String base) {
    this.base = base;
    try {
      profile = Files.createTempDirectory("refinery-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"))
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--window-size=1366,900",
                "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"))
                    .toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  /**
   * Opens the next pages on another instance; the browser keeps its cookies (they do not depend on
   * the port), so the same session goes along.
   */
  Browser moveTo(String otherBase) {
    this.base = otherBase;
    return this;
  }

  Browser open(String path) {
    driver.get(base + path);
    return this;
  }

  /**
   * Signs in; when that fails the browser is closed, since {@code try (var b = new
   * Browser(..).signIn(..))} never gets it.
   */
  Browser signIn(String username, String password) {
    try {
      open("login.xhtml");
      type("login:username", username);
      type("login:password", password);
      click("login:sign-in");
      waitFor(d -> !d.getCurrentUrl().contains("login.xhtml"));
      return this;
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  Browser type(String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
    return this;
  }

  Browser click(String id) {
    driver.findElement(By.id(id)).click();
    return this;
  }

  /**
   * Clicks a button that posts the page, and waits until the browser has left it (a new page
   * loaded).
   */
  Browser submit(String id) {
    WebElement page = driver.findElement(By.tagName("html"));
    click(id);
    waitFor(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    return this;
  }

  WebElement element(String id) {
    return driver.findElement(By.id(id));
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  boolean has(String id) {
    return !driver.findElements(By.id(id)).isEmpty();
  }

  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  String url() {
    return driver.getCurrentUrl();
  }

  /**
   * Answers yes to the page's confirmation questions from now until it is left, keeping them (in
   * the tab's session storage, so that they outlast the page) for {@link #asked()}.
   */
  Browser confirmingEverything() {
    script(
        "sessionStorage.removeItem('asked'); window.confirm = q => { const asked ="
            + " JSON.parse(sessionStorage.getItem('asked') || '[]'); asked.push(q);"
            + " sessionStorage.setItem('asked', JSON.stringify(asked)); return true; };");
    return this;
  }

  /** The confirmation questions this page asked since {@link #confirmingEverything()}. */
  @SuppressWarnings("unchecked")
  List<String> asked() {
    return (List<String>) script("return JSON.parse(sessionStorage.getItem('asked') || '[]');");
  }

  Object script(String script) {
    return driver.executeScript(script);
  }

  /** The session cookie, to forge requests with this person's session. */
  String sessionCookie() {
    return driver.manage().getCookieNamed("JSESSIONID") == null
        ? null
        : "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue();
  }

  /**
   * Waits for the condition; an element a poll re-rendered while it was read is read again.
   * Chromium answers a question about an element of the page being replaced, in the middle of a
   * navigation, with "does not belong to the document" rather than a stale element: asked again, it
   * says stale.
   */
  <T> T waitFor(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              try {
                return condition.apply(d);
              } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                  return null;
                }
                throw e;
              }
            });
  }

  /** Saves the page as {@code <name>.png} under target/screenshots, for people to look at. */
  Browser screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
