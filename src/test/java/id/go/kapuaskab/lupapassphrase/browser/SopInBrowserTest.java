package id.go.kapuaskab.lupapassphrase.browser;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.END_CERTIFICATE_ISSUED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_CHECK_CERTIFICATE_STATUS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_CONFIRM_LINK_RECEIVED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_RESET_PASSPHRASE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SET_NEW_PASSPHRASE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.AGENCY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.APPLICANT_NAME;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.CERTIFICATE_ISSUED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.IDENTITY_VERIFIED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.NIK;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.NIP;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.OFFICIAL_EMAIL;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.REJECTION_REASON;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.STATEMENT_LETTER;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SUBMIT_ACTION;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.VERIFICATION_DECISION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.demo.DemoPerson;
import id.go.kapuaskab.lupapassphrase.process.SubmitAction;
import id.go.kapuaskab.lupapassphrase.process.VerificationDecision;
import id.go.kapuaskab.lupapassphrase.support.Chromium;
import id.go.kapuaskab.lupapassphrase.support.IndonesianUi;
import id.go.kapuaskab.lupapassphrase.support.Letters;
import id.go.kapuaskab.lupapassphrase.support.RequestFixtures;
import id.go.kapuaskab.lupapassphrase.support.Requests;
import id.go.kapuaskab.lupapassphrase.tasklist.TasklistFilters;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;

/**
 * The SOP as its people do it, in headless Chromium against the running application: Tasklist with
 * the forms of forms/, and the sandbox AMS's pages for the holder's part in AMS. The test itself
 * runs the asynchronous AMS jobs (the job executor is off in tests). The browser is set to English;
 * the pages it visits must show Indonesian. Every step leaves a screenshot under
 * target/screenshots/SopInBrowserTest/.
 */
@Tag(Chromium.TAG)
class SopInBrowserTest extends IntegrationTest {

  @RegisterExtension
  static final Chromium CHROMIUM = new Chromium();

  private static final String PROCESS_NAME = "Lupa Passphrase";
  private static final By SUBMIT_FORM = By.cssSelector("form[name='submitRequest']");
  private static final By VERIFY_FORM = By.cssSelector("form[name='verifyRequest']");
  private static final By CAMUNDA_FORM = By.cssSelector("form.fjs-form");
  private static final By LETTER_IN_STEP_1 = By.id("statementLetterPreview");
  private static final By LETTER_IN_STEP_2 = By.id("statementLetterViewer");
  private static final String TASKLIST = "tasklist";
  private static final String START_PROCESS = "start-process-action";
  private static final String CREATE_TASK = "create-task-action";
  private static final String LETTER_FILE_FIELD = "statementLetterFile";
  private static final String LETTER_NAME_FIELD = "letterName";
  private static final String NEW_PASSPHRASE = "Kapuas2026Baru";
  /** A phone's window (CSS pixels of a common 6-inch phone). */
  private static final Dimension PHONE = new Dimension(390, 844);
  /** How far the header may reach over a page, in CSS pixels: a fraction of one is the layout's rounding. */
  private static final double WITHIN_A_PIXEL = 1.0;
  /** The laptop's window the tests start with (Chromium's default). */
  private static final Dimension LAPTOP = new Dimension(1280, 1300);
  /** A browser with no connection: every request fails at once. */
  private static final ChromiumNetworkConditions OFFLINE = new ChromiumNetworkConditions();

  static {
    OFFLINE.setOffline(true);
  }

  @Value("${lupa-passphrase.demo.password}")
  private String demoPassword;

  private TasklistPage tasklist;
  private SandboxAmsPages amsPages;
  private RequestFixtures fixtures;

  @BeforeEach
  void pages() {
    tasklist = new TasklistPage(CHROMIUM.driver(), port, demoPassword);
    amsPages = new SandboxAmsPages(CHROMIUM.driver(), port);
    fixtures = new RequestFixtures(engine);
  }

  @Test
  void approvedRequestEndsWithTheCertificateIssued() throws IOException {
    DemoPerson ani = DemoPeople.ANI;
    byte[] letter = Letters.statementOf(fullName(ani));
    Path letterFile = CHROMIUM.fileToUpload("surat-pernyataan-ani.pdf", letter);

    // the browser is set to English (Chromium): Tasklist speaks Indonesian all the same
    tasklist.showLogin();
    assertThat(CHROMIUM.driver().findElement(By.cssSelector(".form-signin")).getText()).contains(IndonesianUi.SERVICE, "Masuk");
    IndonesianUi.assertIndonesian(CHROMIUM.driver(), TASKLIST);
    CHROMIUM.screenshot("login-page");
    tasklist.logIn(ani.userId());
    assertThat(tasklist.offers(START_PROCESS)).isTrue();
    assertThat(tasklist.offers(CREATE_TASK)).isFalse();
    assertThat(CHROMIUM.driver().findElement(By.cssSelector("[cam-widget-header] .brand-name")).getText())
        .isEqualTo(IndonesianUi.SERVICE + " · Tasklist");
    IndonesianUi.assertIndonesian(CHROMIUM.driver(), TASKLIST);
    CHROMIUM.screenshot("ani-logged-in-tasklist");
    Set<String> before = runningRequests();
    tasklist.openStartForm(PROCESS_NAME);
    // the connection drops as she presses Mulai: Tasklist says so, and the dialog stays for another try
    CHROMIUM.driver().setNetworkConditions(OFFLINE);
    assertThat(tasklist.startFailing()).contains("Proses tidak dapat dimulai", "Server tidak dapat dihubungi");
    IndonesianUi.assertIndonesian(CHROMIUM.driver(), TASKLIST);
    CHROMIUM.screenshot("ani-start-fails-offline");
    CHROMIUM.driver().deleteNetworkConditions();
    tasklist.start();
    ProcessInstance request = startedSince(before);
    // the start is confirmed with the new request's number and what comes next; the failed try's error is gone
    assertThat(tasklist.confirmation("Permohonan " + request.getBusinessKey() + " dibuka."))
        .contains("Berikutnya: Menunggu Anda mengisi dan mengajukan permohonan", "Giliran: Anda", "Permohonan saya");
    assertThat(tasklist.showsAnError()).isFalse();
    IndonesianUi.assertIndonesian(CHROMIUM.driver(), TASKLIST);
    CHROMIUM.screenshot("ani-started-lupa-passphrase");
    // the card names the request by its number; her page says where it stands and whose turn it is
    assertThat(tasklist.waitForTaskInList(taskId(request, TASK_SUBMIT_REQUEST), Duration.ofSeconds(20)))
        .contains(request.getBusinessKey());
    tasklist.openMyRequests();
    assertThat(tasklist.myRequest(request.getBusinessKey(), "Menunggu Anda mengisi dan mengajukan permohonan"))
        .contains("Giliran", "Anda", "Waktu baku", "2 menit", "Batas waktu", "WIB", "Buka tugas saya");
    IndonesianUi.assertIndonesian(CHROMIUM.driver(), TASKLIST);
    CHROMIUM.screenshot("ani-permohonan-saya-after-start");
    tasklist.closeMyRequests();

    tasklist.openTask(taskId(request, TASK_SUBMIT_REQUEST), SUBMIT_FORM);
    // her own step stays hers: no × to give it back, which the server would refuse
    assertThat(tasklist.offersToGiveBack()).isFalse();
    // the limits the form shows are the server's and the diagram's, read as the form opens
    tasklist.waitForText(By.cssSelector("form[name='submitRequest'] label[for='statementLetterFile']"), "paling besar 2 MB");
    tasklist.waitForText(SUBMIT_FORM, "Langkah 1 dari 4 (waktu baku 2 menit)");
    fillStepOne(ani);
    tasklist.choose(LETTER_FILE_FIELD, letterFile);
    tasklist.waitForValue(LETTER_NAME_FIELD, letterFile.getFileName().toString());
    tasklist.select(SUBMIT_ACTION, SubmitAction.SUBMIT.name());
    // the applicant sees the letter they chose before they submit it
    assertShowsTheLetter(LETTER_IN_STEP_1, fullName(ani));
    IndonesianUi.assertIndonesian(CHROMIUM.driver(), TASKLIST);
    CHROMIUM.screenshot("ani-step1-filled-letter-shown");
    tasklist.complete();
    // she is told which request moved on and what comes next
    assertThat(tasklist.confirmation("Berikutnya: Menunggu verifikator")).contains(request.getBusinessKey(), "Giliran: Verifikator");
    CHROMIUM.screenshot("ani-step1-confirmed");
    assertThat(request).isWaitingAt(TASK_VERIFY_REQUEST);
    assertThat(storedLetter(request)).isEqualTo(letter);

    tasklist.logIn(DemoPeople.VERA.userId());
    assertThat(tasklist.offers(START_PROCESS)).isFalse();
    assertThat(tasklist.offers(CREATE_TASK)).isFalse();
    tasklist.openFilter(TasklistFilters.VERIFIER_QUEUE);
    tasklist.openTask(taskId(request, TASK_VERIFY_REQUEST), VERIFY_FORM);
    tasklist.claim();
    assertThat(tasklist.offersAdministratorsChanges()).isFalse();
    // a verifier's step goes back to the queue with the × beside her name
    assertThat(tasklist.offersToGiveBack()).isTrue();
    // the letter next to the data it is compared against, in the form, fetched with vera's session
    assertShowsTheLetter(LETTER_IN_STEP_2, fullName(ani));
    IndonesianUi.assertIndonesian(CHROMIUM.driver(), TASKLIST);
    CHROMIUM.screenshot("vera-reads-the-letter-in-the-form");
    tasklist.select(VERIFICATION_DECISION, VerificationDecision.APPROVE.name());
    tasklist.tick(IDENTITY_VERIFIED);
    CHROMIUM.screenshot("vera-approves");
    tasklist.complete();
    assertThat(tasklist.confirmation("selesai")).contains(request.getBusinessKey(), "diberi tahu lewat e-mail");

    execute(job(TASK_RESET_PASSPHRASE, request));
    assertThat(request).isWaitingAt(TASK_CONFIRM_LINK_RECEIVED);

    amsPages.openOutbox();
    CHROMIUM.screenshot("ani-reset-mail-in-sandbox-outbox");
    amsPages.followNewestResetLink(fullName(ani));
    amsPages.typeNewPassphraseTwice(NEW_PASSPHRASE);
    CHROMIUM.screenshot("ani-types-new-passphrase-twice-in-sandbox-ams");
    assertThat(amsPages.save()).contains("diterbitkan kembali");
    CHROMIUM.screenshot("sandbox-ams-certificate-issued-again");

    tasklist.logIn(ani.userId());
    tasklist.openTask(taskId(request, TASK_CONFIRM_LINK_RECEIVED), CAMUNDA_FORM);
    tasklist.waitForText(CAMUNDA_FORM, "Waktu baku langkah ini 5 menit.");
    tasklist.check("Ya, tautan reset sudah saya terima");
    CHROMIUM.screenshot("ani-step3-confirms-link-received");
    tasklist.complete();

    tasklist.openTask(taskId(request, TASK_SET_NEW_PASSPHRASE), CAMUNDA_FORM);
    // the form's own checks speak Indonesian
    assertThat(tasklist.completeIncomplete()).isNotEmpty().allMatch("Wajib diisi."::equals);
    CHROMIUM.screenshot("ani-step4-incomplete-wajib-diisi");
    tasklist.check("Saya sudah membuat passphrase baru di AMS");
    tasklist.check("Saya menyetujui perjanjian pemilik sertifikat elektronik");
    IndonesianUi.assertIndonesian(CHROMIUM.driver(), TASKLIST);
    CHROMIUM.screenshot("ani-step4-confirms-activation");
    tasklist.complete();
    assertThat(tasklist.confirmation("Berikutnya: Status sertifikat sedang diperiksa di AMS")).contains(request.getBusinessKey());
    // the error notice of the incomplete try is gone with the success
    assertThat(tasklist.showsAnError()).isFalse();
    CHROMIUM.screenshot("ani-tasklist-after-step4");
    // the letter was shown, never saved: the applicant's letter with NIK and NIP is in nobody's Downloads
    try (Stream<Path> downloaded = Files.list(CHROMIUM.downloads())) {
      assertThat(downloaded).isEmpty();
    }

    execute(job(TASK_CHECK_CERTIFICATE_STATUS, request));
    assertThat(request).isEnded().hasPassed(END_CERTIFICATE_ISSUED);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(request.getId())
        .variableName(CERTIFICATE_ISSUED).singleResult().getValue()).isEqualTo(true);

    // on her phone, her page says the certificate is issued
    CHROMIUM.driver().manage().window().setSize(PHONE);
    tasklist.openMyRequests();
    assertThat(tasklist.myRequest(request.getBusinessKey(), "Selesai: sertifikat elektronik diterbitkan"))
        .contains("Dibuka", "Selesai", "Tidak ada: permohonan selesai");
    assertThat(tasklist.myRequestsFitTheWindow()).isTrue();
    IndonesianUi.assertIndonesian(CHROMIUM.driver(), TASKLIST);
    CHROMIUM.screenshot("ani-permohonan-saya-on-a-phone-diterbitkan");
  }

  @Test
  void rejectionReasonIsShownAsTextAndTheRequestIsSubmittedAgain() {
    DemoPerson ani = DemoPeople.ANI;
    String reason = "<script>alert('ditolak')</script> Tanda tangan pada surat belum ada.";

    // vera has her queue open when the request comes in: it shows within 30 s without a reload,
    // and she is told by e-mail with a link to the task
    tasklist.logIn(DemoPeople.VERA.userId());
    tasklist.openFilter(TasklistFilters.VERIFIER_QUEUE);
    CHROMIUM.screenshot("vera-queue-open");
    ProcessInstance request = fixtures.waitingForVerifier(ani);
    assertThat(tasklist.waitForTaskInList(taskId(request, TASK_VERIFY_REQUEST), Duration.ofSeconds(30)))
        .contains(request.getBusinessKey());
    CHROMIUM.screenshot("vera-queue-shows-the-new-request-without-reload");
    assertThat(verifierNotice(request)).contains("#/?task=" + taskId(request, TASK_VERIFY_REQUEST));
    // the local demo's mailbox shows her the same notice
    tasklist.openNotices();
    assertThat(tasklist.panelText()).contains(request.getBusinessKey() + ": permohonan menunggu verifikator",
        DemoPeople.VERA.email());
    IndonesianUi.assertIndonesian(CHROMIUM.driver(), TASKLIST);
    CHROMIUM.screenshot("vera-reads-the-notice-in-pemberitahuan");
    tasklist.closeMyRequests();
    tasklist.openTask(taskId(request, TASK_VERIFY_REQUEST), VERIFY_FORM);
    tasklist.claim();
    tasklist.select(VERIFICATION_DECISION, VerificationDecision.REJECT.name());
    tasklist.type(REJECTION_REASON, reason);
    CHROMIUM.screenshot("vera-rejects-with-a-script-in-the-reason");
    tasklist.complete();
    assertThat(request).isWaitingAt(TASK_SUBMIT_REQUEST).variables().containsEntry(REJECTION_REASON, reason);

    tasklist.logIn(ani.userId());
    tasklist.openTask(taskId(request, TASK_SUBMIT_REQUEST), SUBMIT_FORM);
    tasklist.waitForText(By.cssSelector("form[name='submitRequest'] .alert-warning"), reason);
    assertThat(CHROMIUM.driver().findElements(By.cssSelector("form[name='submitRequest'] .alert-warning script"))).isEmpty();
    assertThat(ExpectedConditions.alertIsPresent().apply(CHROMIUM.driver())).isNull();
    // what was submitted before is there to correct, the letter included
    assertThat(tasklist.value(NIK)).isEqualTo(ani.nik());
    assertThat(tasklist.value(LETTER_NAME_FIELD)).isEqualTo(Letters.pdf().getFilename());
    tasklist.retype(AGENCY, "Sekretariat Daerah");
    tasklist.select(SUBMIT_ACTION, SubmitAction.SUBMIT.name());
    CHROMIUM.screenshot("ani-sees-the-reason-as-text-and-corrects");
    tasklist.complete();
    assertThat(request).isWaitingAt(TASK_VERIFY_REQUEST).variables().containsEntry(AGENCY, "Sekretariat Daerah");
    assertThat(storedLetter(request)).isEqualTo(Letters.PDF);

    // the verifier decides afresh: no decision preset, the last reason shown
    tasklist.logIn(DemoPeople.VERA.userId());
    tasklist.openFilter(TasklistFilters.VERIFIER_QUEUE);
    tasklist.openTask(taskId(request, TASK_VERIFY_REQUEST), VERIFY_FORM);
    tasklist.waitForText(By.cssSelector("form[name='verifyRequest'] .alert-info"), reason);
    assertThat(tasklist.value(VERIFICATION_DECISION)).isEmpty();
    assertThat(tasklist.value(REJECTION_REASON)).isEmpty();
    assertThat(tasklist.offersToClaim()).isTrue();
    CHROMIUM.screenshot("vera-sees-the-resubmitted-request");

    // the head of division watches the request, and is not offered the claim the engine would refuse him
    tasklist.logIn(DemoPeople.HENDRA.userId());
    tasklist.openFilter(TasklistFilters.SUPERVISOR_VIEW);
    tasklist.openTaskToRead(taskId(request, TASK_VERIFY_REQUEST));
    assertThat(tasklist.offersToClaim()).isFalse();
    CHROMIUM.screenshot("hendra-watches-without-klaim");
  }

  @Test
  void wrongInputInStepOneIsExplainedAndNothingTypedIsLost() {
    DemoPerson ani = DemoPeople.ANI;
    ProcessInstance request = fixtures.opened(ani);
    byte[] letter = Letters.statementOf(fullName(ani));
    Path letterFile = CHROMIUM.fileToUpload("surat-pernyataan.pdf", letter);
    Path wordFile = CHROMIUM.fileToUpload("surat-pernyataan.docx", "PK\u0003\u0004 bukan PDF".getBytes(StandardCharsets.US_ASCII));

    tasklist.logIn(ani.userId());
    tasklist.openTask(taskId(request, TASK_SUBMIT_REQUEST), SUBMIT_FORM);
    tasklist.select(SUBMIT_ACTION, SubmitAction.SUBMIT.name());
    fillStepOne(ani);
    tasklist.retype(NIK, ani.nik().substring(0, 15));
    tasklist.waitForText(By.cssSelector("#nik ~ .help-block"), "NIK harus 16 digit angka.");
    assertThat(tasklist.canComplete()).isFalse();
    CHROMIUM.screenshot("ani-nik-with-15-digits");

    tasklist.choose(LETTER_FILE_FIELD, letterFile);
    tasklist.waitForValue(LETTER_NAME_FIELD, letterFile.getFileName().toString());
    tasklist.choose(LETTER_FILE_FIELD, wordFile);
    tasklist.waitForText(By.cssSelector("#statementLetterFile ~ .help-block"), "Surat pernyataan harus berupa berkas PDF.");
    // the PDF chosen before stays the letter
    assertThat(tasklist.value(LETTER_NAME_FIELD)).isEqualTo(letterFile.getFileName().toString());
    CHROMIUM.screenshot("ani-chooses-a-word-file-as-letter");

    // 16 digits, but no NIK ends in 0000: the form says so as the server would, and says why Selesaikan is off
    tasklist.type(NIK, "0");
    tasklist.waitForText(By.cssSelector("#nik ~ .help-block"), "NIK tidak sah: kode wilayah, tanggal lahir atau nomor urut");
    assertThat(tasklist.canComplete()).isFalse();
    tasklist.waitForText(By.id("completeBlocked"), "NIK");
    CHROMIUM.screenshot("ani-nik-ending-0000-explained-by-the-form");
    tasklist.retype(NIK, ani.nik());

    // a NIP whose birth month is 13: only the server checks its dates; its refusal shows at the field,
    // without the variable's name
    tasklist.retype(NIP, ani.nip().substring(0, 4) + "13" + ani.nip().substring(6));
    String refusal = tasklist.completeRefused("NIP tidak sah");
    assertThat(refusal).startsWith("NIP tidak sah");
    tasklist.waitForText(By.cssSelector("#nip ~ .refused"), "NIP tidak sah: tanggal lahir, TMT");
    assertThat(tasklist.canComplete()).isFalse();
    // Tasklist's notice of the refusal lies clear of Selesaikan, on a laptop and on a phone
    assertThat(tasklist.completeIsUncovered()).isTrue();
    CHROMIUM.screenshot("ani-server-refuses-the-nip-at-the-field");
    CHROMIUM.driver().manage().window().setSize(PHONE);
    assertThat(tasklist.showsAnError()).isTrue();
    assertThat(tasklist.completeIsUncovered()).isTrue();
    CHROMIUM.screenshot("ani-refusal-clear-of-selesaikan-on-a-phone");
    CHROMIUM.driver().manage().window().setSize(LAPTOP);
    assertThat(List.of(tasklist.value(APPLICANT_NAME), tasklist.value(NIK), tasklist.value(OFFICIAL_EMAIL),
        tasklist.value(AGENCY), tasklist.value(LETTER_NAME_FIELD)))
        .containsExactly(fullName(ani), ani.nik(), ani.email(), Requests.AGENCY_NAME, letterFile.getFileName().toString());

    tasklist.dismissNotifications();
    tasklist.retype(NIP, ani.nip());
    tasklist.complete();
    // the success is confirmed, and no error of the earlier try stays on screen
    tasklist.confirmation("Berikutnya: Menunggu verifikator");
    assertThat(tasklist.showsAnError()).isFalse();
    assertThat(request).isWaitingAt(TASK_VERIFY_REQUEST).variables().containsEntry(NIK, ani.nik()).containsEntry(NIP, ani.nip());
    assertThat(storedLetter(request)).isEqualTo(letter);
  }

  @Test
  void onAPhoneHerPagesStartBelowTheHeader() {
    DemoPerson ani = DemoPeople.ANI;
    ProcessInstance request = fixtures.opened(ani);

    tasklist.logIn(ani.userId());
    CHROMIUM.driver().manage().window().setSize(PHONE);
    tasklist.openMyRequests();
    tasklist.myRequest(request.getBusinessKey(), "Menunggu Anda mengisi dan mengajukan permohonan");
    assertThat(tasklist.headerOverlap(By.cssSelector("#permohonan-saya h2"))).isLessThan(WITHIN_A_PIXEL);
    IndonesianUi.assertIndonesian(CHROMIUM.driver(), TASKLIST);
    CHROMIUM.screenshot("ani-permohonan-saya-on-a-phone");
    tasklist.closeMyRequests();

    // her list and the task's form start below the header too, each heading where the page scrolls it to
    assertThat(tasklist.headerOverlap(By.cssSelector(".page-wrap"))).isLessThan(WITHIN_A_PIXEL);
    tasklist.openTask(taskId(request, TASK_SUBMIT_REQUEST), SUBMIT_FORM);
    assertThat(tasklist.headerOverlap(By.cssSelector(".names h2.task"))).isLessThan(WITHIN_A_PIXEL);
    IndonesianUi.assertIndonesian(CHROMIUM.driver(), TASKLIST);
    CHROMIUM.screenshot("ani-task-form-on-a-phone");
  }

  /** The notice the verifiers got when the request entered their queue, as vera received it. */
  private static String verifierNotice(ProcessInstance request) {
    try {
      for (MimeMessage mail : SMTP.getReceivedMessages()) {
        if (mail.getSubject().contains(request.getBusinessKey() + ": permohonan menunggu verifikator")
            && mail.getAllRecipients()[0].toString().equals(DemoPeople.VERA.email())) {
          return mail.getContent().toString();
        }
      }
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError("no notice to vera about " + request.getBusinessKey());
  }

  private void fillStepOne(DemoPerson applicant) {
    tasklist.type(APPLICANT_NAME, fullName(applicant));
    tasklist.type(NIK, applicant.nik());
    tasklist.type(NIP, applicant.nip());
    tasklist.type(OFFICIAL_EMAIL, applicant.email());
    tasklist.type(AGENCY, Requests.AGENCY_NAME);
  }

  /** Waits until the form shows the letter: its text over a page drawn with ink on it. */
  private void assertShowsTheLetter(By viewer, String holderName) {
    WebDriverWait wait = new WebDriverWait(CHROMIUM.driver(), Duration.ofSeconds(20));
    wait.until(ExpectedConditions.attributeToBe(viewer, "data-shown", "true"));
    WebElement letter = CHROMIUM.driver().findElement(viewer);
    assertThat(letter.isDisplayed()).isTrue();
    assertThat(letter.findElement(By.cssSelector(".textLayer")).getText())
        .contains("SURAT PERNYATAAN LUPA PASSPHRASE", "Yang bertanda tangan di bawah ini: " + holderName);
    Number inked = (Number) CHROMIUM.driver().executeScript("""
        const canvas = arguments[0].querySelector('canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let dark = 0;
        for (let i = 0; i < pixels.length; i += 4) { if (pixels[i] < 128 && pixels[i + 3] > 0) { dark++; } }
        return dark;""", letter);
    assertThat(inked.intValue()).as("dark pixels on the letter's first page").isGreaterThan(500);
  }

  private Set<String> runningRequests() {
    return Set.copyOf(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list()
        .stream().map(ProcessInstance::getId).toList());
  }

  private ProcessInstance startedSince(Set<String> before) {
    List<ProcessInstance> started = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).list().stream().filter(instance -> !before.contains(instance.getId())).toList();
    assertThat(started).hasSize(1);
    return started.get(0);
  }

  private String taskId(ProcessInstance request, String taskKey) {
    return fixtures.task(request, taskKey).getId();
  }

  private byte[] storedLetter(ProcessInstance request) {
    FileValue letter = engine.getRuntimeService().getVariableTyped(request.getId(), STATEMENT_LETTER);
    try (InputStream content = letter.getValue()) {
      return content.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fullName(DemoPerson person) {
    return person.firstName() + " " + person.lastName();
  }
}
