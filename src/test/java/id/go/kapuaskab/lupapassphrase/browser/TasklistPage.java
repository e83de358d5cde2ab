package id.go.kapuaskab.lupapassphrase.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist as a person works it, in the browser: log in, start a process, pick a filter,
 * open a task from the list, claim it, fill its form and complete it. Located by what Tasklist and
 * the forms in forms/ render, never by Tasklist's internals.
 */
final class TasklistPage {

  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");
  private static final By NOTIFICATION = By.cssSelector(".alert .message");
  private static final By ERROR = By.cssSelector(".page-notifications .alert-danger");
  private static final By START = By.cssSelector(".modal-content button[ng-click='startProcessInstance()']");
  private static final By USERNAME = By.cssSelector("input[ng-model='username']");
  private static final By ACCOUNT = By.cssSelector("li.account > a.dropdown-toggle");

  private final WebDriver driver;
  private final String url;
  private final String password;
  private final WebDriverWait wait;

  /** @param password the demo users' password (local profile) */
  TasklistPage(WebDriver driver, int port, String password) {
    this.driver = driver;
    this.url = "http://localhost:" + port + "/camunda/app/tasklist/default/";
    this.password = password;
    this.wait = new WebDriverWait(driver, PATIENCE);
    wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class);
  }

  /** Opens the login page, after logging whoever was logged in out. */
  void showLogin() {
    driver.get(url);
    wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(USERNAME),
        ExpectedConditions.visibilityOfElementLocated(ACCOUNT)));
    if (driver.findElements(USERNAME).isEmpty()) {
      click(ACCOUNT);
      click(By.cssSelector("li.logout > a"));
    }
    wait.until(ExpectedConditions.visibilityOfElementLocated(USERNAME));
  }

  /** Logs in through the login page, after logging whoever was logged in out. */
  void logIn(String userId) {
    showLogin();
    driver.findElement(USERNAME).sendKeys(userId);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(ACCOUNT));
  }

  /**
   * Whether the menu bar shows an entry, by Tasklist's name of it (start-process-action,
   * create-task-action), once the engine has said whether the user may start a process.
   */
  boolean offers(String menuEntry) {
    wait.until(ExpectedConditions.attributeToBeNotEmpty(driver.findElement(By.tagName("body")), "data-may-start-process"));
    return driver.findElements(By.cssSelector("li." + menuEntry)).stream().anyMatch(WebElement::isDisplayed);
  }

  /** Whether the open task offers to change what only the administrator may: comments, dates, groups. */
  boolean offersAdministratorsChanges() {
    return driver.findElements(By.cssSelector("a.createCommentLink, [cam-tasklist-task-meta] ul.meta.dates"))
        .stream().anyMatch(WebElement::isDisplayed);
  }

  /** Whether the open task offers "Klaim", once the engine has said whether the user may work tasks. */
  boolean offersToClaim() {
    wait.until(ExpectedConditions.attributeToBeNotEmpty(driver.findElement(By.tagName("body")), "data-may-claim"));
    return driver.findElements(By.cssSelector("[cam-tasklist-task-meta] button.claim")).stream().anyMatch(WebElement::isDisplayed);
  }

  /** Opens a task, as a click on its card does, whatever its form; waits for the task's header. */
  void openTaskToRead(String taskId) {
    click(By.cssSelector("a[href$='task=" + taskId + "']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-task-meta]")));
  }

  /** Whether the open task offers its assignee the × that gives it back (unclaim). */
  boolean offersToGiveBack() {
    return driver.findElements(By.cssSelector("[cam-tasklist-task-meta] button.unclaim"))
        .stream().anyMatch(WebElement::isDisplayed);
  }

  /** Mulai proses (Start process), the process by its name, Mulai (Start). */
  void startProcess(String processName) {
    openStartForm(processName);
    start();
  }

  /** Mulai proses (Start process), the process by its name: its start form, in the dialog. */
  void openStartForm(String processName) {
    click(By.partialLinkText("Mulai proses"));
    click(By.xpath("//div[contains(@class,'modal-content')]//a[normalize-space()='" + processName + "']"));
    // the start form must have rendered (form-js) before Mulai submits it, or Tasklist has nothing to submit
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-content form.fjs-form")));
  }

  /** Mulai (Start) in the start dialog, and waits until the dialog has closed. */
  void start() {
    click(START);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-content")));
  }

  /**
   * Mulai (Start) in the start dialog, expecting it to fail: returns the error notice the dialog shows
   * once it offers Mulai again.
   */
  String startFailing() {
    click(START);
    String error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-content .alert-danger"))).getText();
    wait.until(ExpectedConditions.elementToBeClickable(START));
    return error;
  }

  void openFilter(String filterName) {
    click(By.partialLinkText(filterName));
  }

  /**
   * Opens the task from the list of the current filter, as a click on it does, and waits for its
   * form: Tasklist shows the Complete button once the form has its variables.
   */
  void openTask(String taskId, By form) {
    click(By.cssSelector("a[href$='task=" + taskId + "']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(form));
    wait.until(ExpectedConditions.visibilityOfElementLocated(COMPLETE));
  }

  /**
   * Waits, without reloading, until the open filter's list shows the task, as Tasklist refreshes a
   * filter marked to; returns the card's text.
   */
  String waitForTaskInList(String taskId, Duration patience) {
    return new WebDriverWait(driver, patience).ignoring(StaleElementReferenceException.class)
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a[href$='task=" + taskId + "']"))).getText();
  }

  /** Opens "Permohonan saya" from the header (through the menu button where a phone folds the menu). */
  void openMyRequests() {
    wait.until(ExpectedConditions.attributeToBeNotEmpty(driver.findElement(By.tagName("body")), "data-may-start-process"));
    openFromHeader("permohonan-saya");
  }

  /** Opens "Pemberitahuan", the local demo's mailbox, from the header. */
  void openNotices() {
    wait.until(ExpectedConditions.attributeToBeNotEmpty(driver.findElement(By.tagName("body")), "data-mailbox"));
    openFromHeader("kotak-surat");
  }

  private void openFromHeader(String entry) {
    By link = By.cssSelector("[cam-widget-header] li." + entry + " a");
    if (!driver.findElement(link).isDisplayed()) {
      click(By.cssSelector("[cam-widget-header] .navbar-toggle"));
    }
    click(link);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#permohonan-saya .ps-request")));
  }

  /** The text of the open panel's list ("Permohonan saya", "Pemberitahuan"). */
  String panelText() {
    return driver.findElement(By.cssSelector("#permohonan-saya .ps-list")).getText();
  }

  /** The card of one request on "Permohonan saya", once it shows the words. */
  String myRequest(String number, String words) {
    By card = By.cssSelector("#permohonan-saya li[data-number='" + number + "']");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(card, words));
    return driver.findElement(card).getText();
  }

  /** Whether "Permohonan saya" fits the window's width: nothing to scroll sideways. */
  boolean myRequestsFitTheWindow() {
    return (Boolean) ((JavascriptExecutor) driver).executeScript("""
        const panel = document.getElementById('permohonan-saya');
        return panel.scrollWidth <= panel.clientWidth && panel.getBoundingClientRect().right <= window.innerWidth;""");
  }

  void closeMyRequests() {
    click(By.cssSelector("#permohonan-saya .ps-close"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("permohonan-saya")));
  }

  void claim() {
    click(By.cssSelector("button.claim"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
  }

  /** Completes the task and waits until Tasklist has closed its form. */
  void complete() {
    click(COMPLETE);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(COMPLETE));
  }

  /** The confirmation shown after a step was completed, once it says the words. */
  String confirmation(String words) {
    By box = By.id("konfirmasi-langkah");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(box, words));
    return driver.findElement(box).getText();
  }

  /** Clicks "Selesaikan" on a Camunda Form left incomplete; returns the messages shown under its fields. */
  List<String> completeIncomplete() {
    click(COMPLETE);
    By errors = By.cssSelector(".fjs-form-field-error li");
    wait.until(ExpectedConditions.visibilityOfElementLocated(errors));
    // the messages are put into Indonesian as they appear (scripts/form-messages.js)
    wait.until(browser -> browser.findElements(errors).stream().noneMatch(error -> error.getText().startsWith("Field ")));
    return driver.findElements(errors).stream().map(WebElement::getText).toList();
  }

  /** Completes the task, expecting the server to refuse it; returns what Tasklist told the user. */
  String completeRefused(String expected) {
    click(COMPLETE);
    By refusal = By.xpath("//*[contains(@class,'alert')]//*[contains(@class,'message')][contains(., '" + expected + "')]");
    return wait.until(ExpectedConditions.visibilityOfElementLocated(refusal)).getText();
  }

  /** Closes Tasklist's notifications, as a person does when one lies over the form's buttons. */
  void dismissNotifications() {
    driver.findElements(By.cssSelector(".page-notifications .alert button.close")).stream()
        .filter(WebElement::isDisplayed).forEach(WebElement::click);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(NOTIFICATION));
  }

  boolean canComplete() {
    return driver.findElement(COMPLETE).isEnabled();
  }

  /** Types into a field of an embedded form (by its id), after what it holds. */
  void type(String fieldId, String text) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(fieldId))).sendKeys(text);
  }

  /** Replaces what a field holds, as select-all and typing do. */
  void retype(String fieldId, String text) {
    WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.id(fieldId)));
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
  }

  String value(String fieldId) {
    return driver.findElement(By.id(fieldId)).getDomProperty("value");
  }

  void select(String fieldId, String value) {
    new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id(fieldId)))).selectByValue(value);
  }

  void tick(String fieldName) {
    click(By.name(fieldName));
  }

  /** Chooses a file in a file field (by its id). */
  void choose(String fieldId, Path file) {
    driver.findElement(By.id(fieldId)).sendKeys(file.toAbsolutePath().toString());
  }

  /** Clicks a radio button or check box of a Camunda Form (form-js) by its label. */
  void check(String label) {
    click(By.xpath("//form[contains(@class,'fjs-form')]//label[contains(normalize-space(), '" + label + "')]/input"));
  }

  /** Whether an error notice of Tasklist is on screen. */
  boolean showsAnError() {
    return driver.findElements(ERROR).stream().anyMatch(WebElement::isDisplayed);
  }

  /**
   * Whether a click on "Selesaikan" would reach it: brought as far up into view as the page scrolls,
   * the element at its centre is the button (or its text), not a notice lying over it.
   */
  boolean completeIsUncovered() {
    return (Boolean) ((JavascriptExecutor) driver).executeScript("""
        const button = document.querySelector(arguments[0]);
        button.scrollIntoView({ block: 'start' });
        const box = button.getBoundingClientRect();
        const found = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return found !== null && button.contains(found);""", "button[ng-click='complete()']");
  }

  /**
   * How far the header reaches down over the element, brought as far up into view as its page scrolls,
   * in CSS pixels; 0 or less: the element starts below the header.
   */
  double headerOverlap(By element) {
    return ((Number) ((JavascriptExecutor) driver).executeScript("""
        arguments[0].scrollIntoView({ block: 'start' });
        const header = document.querySelector('[cam-widget-header]').getBoundingClientRect();
        return header.bottom - arguments[0].getBoundingClientRect().top;""",
        wait.until(ExpectedConditions.visibilityOfElementLocated(element)))).doubleValue();
  }

  /** The texts Tasklist's notifications show. */
  List<String> notifications() {
    return driver.findElements(NOTIFICATION).stream().map(WebElement::getText).toList();
  }

  /** Waits until the element shows the text (a form's message, a field's value). */
  void waitForText(By element, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(element, text));
  }

  void waitForValue(String fieldId, String value) {
    wait.until(ExpectedConditions.attributeToBe(By.id(fieldId), "value", value));
  }

  /** Clicks once the element can be clicked; again when Tasklist re-rendered it or something lay over it. */
  void click(By element) {
    wait.until(browser -> {
      WebElement found = ExpectedConditions.elementToBeClickable(element).apply(browser);
      if (found == null) {
        return false;
      }
      found.click();
      return true;
    });
  }
}
