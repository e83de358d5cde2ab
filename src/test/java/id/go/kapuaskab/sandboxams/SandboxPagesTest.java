package id.go.kapuaskab.sandboxams;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.ams.AmsPort;
import id.go.kapuaskab.lupapassphrase.ams.CertificateInfo;
import id.go.kapuaskab.lupapassphrase.ams.Holder;
import id.go.kapuaskab.lupapassphrase.ams.ResetReceipt;
import id.go.kapuaskab.lupapassphrase.ams.api.CertificateStatus;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.demo.DemoPerson;
import id.go.kapuaskab.sandboxams.SandboxPagesController.CallView;
import id.go.kapuaskab.sandboxams.SandboxPagesController.MailView;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The sandbox's pages, opened without any log-in as the holder would open AMS's: the outbox shows
 * the mail, the link's page takes the new passphrase twice, checks it, forgets it, and AMS then
 * reports the certificate issued anew. Every page says it is a stand-in.
 */
@ExtendWith(OutputCaptureExtension.class)
class SandboxPagesTest extends IntegrationTest {

  private static final String STAND_IN = "SANDBOX — BUKAN AMS";
  private static final String GOOD_PASSPHRASE = "Sungai Kapuas 2026";

  @Autowired
  private TestRestTemplate browser;

  @Autowired
  private AmsPort ams;

  @Autowired
  private SandboxAms sandbox;

  @Autowired
  private SandboxOutage outage;

  @Autowired
  private ITemplateEngine templates;

  @AfterEach
  void normal() {
    outage.set(SandboxOutage.Mode.NONE);
  }

  @Test
  void theOutboxShowsTheMailWithTheRecipientMasked() {
    ams.requestReset(holder(DemoPeople.BUDI), "LP-PAGES-" + UUID.randomUUID() + ":reset");

    ResponseEntity<String> outbox = browser.getForEntity(SandboxPaths.OUTBOX, String.class);

    assertThat(outbox.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(outbox.getBody()).contains(STAND_IN, "Kotak keluar", "b***@kapuaskab.go.id", "Yth. Budi Santoso",
        SandboxPaths.RESET_PAGE + "/").doesNotContain(DemoPeople.BUDI.email());
  }

  @Test
  void theRootLeadsToTheOutbox() {
    assertThat(browser.getForEntity(SandboxPaths.ROOT, String.class).getBody()).contains("Kotak keluar");
  }

  @Test
  void theOutageSwitchIsSetOnTheOutbox() {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("mode", SandboxOutage.Mode.DOWN.name());

    browser.postForEntity(SandboxPaths.OUTAGE, form, String.class);

    assertThat(outage.mode()).isEqualTo(SandboxOutage.Mode.DOWN);
    assertThat(browser.getForEntity(SandboxPaths.OUTBOX, String.class).getBody())
        .contains(SandboxOutage.Mode.DOWN.description());
  }

  @Test
  void theHolderSetsANewPassphraseTwiceAndTheCertificateIsIssuedAgain(CapturedOutput log) {
    DemoPerson ani = DemoPeople.ANI;
    ResetReceipt reset = ams.requestReset(holder(ani), "LP-PAGES-" + UUID.randomUUID() + ":reset");
    String link = newestLinkTo(ani);

    ResponseEntity<String> page = browser.getForEntity(link, String.class);
    assertThat(page.getBody()).contains(STAND_IN, "Ani Lestari", "Ulangi passphrase baru");

    assertThat(submit(link, GOOD_PASSPHRASE, "Sungai Kapuas 2025")).contains("Kedua passphrase tidak sama.");
    assertThat(submit(link, "pendek", "pendek")).contains("minimal 10 karakter");
    assertThat(submit(link, "semuahurufkecil", "semuahurufkecil")).contains("huruf besar");
    assertThat(ams.certificateStatus(holder(ani)).issuedSince(reset.requestedAt())).isFalse();

    assertThat(submit(link, GOOD_PASSPHRASE, GOOD_PASSPHRASE)).contains(STAND_IN, "Passphrase baru tersimpan");

    CertificateInfo certificate = ams.certificateStatus(holder(ani));
    assertThat(certificate.status()).isEqualTo(CertificateStatus.ISSUE);
    assertThat(certificate.issuedSince(reset.requestedAt())).isTrue();
    assertThat(submit(link, GOOD_PASSPHRASE, GOOD_PASSPHRASE)).contains("tidak berlaku atau sudah dipakai");
    assertThat(log.getAll()).contains("certificate of holder " + "*".repeat(12) + "0001 issued again")
        .doesNotContain(GOOD_PASSPHRASE, "Sungai Kapuas 2025", "semuahurufkecil");
  }

  @Test
  void anUnknownLinkOpensNothing() {
    assertThat(browser.getForEntity(SandboxPaths.RESET_PAGE + "/tidak-ada", String.class).getBody())
        .contains(STAND_IN, "Tautan reset tidak berlaku atau sudah dipakai.").doesNotContain("Ulangi passphrase baru");
  }

  @Test
  void whatThePagesShowIsEscaped() {
    String hostile = "<script>alert('x')</script>";
    MailView mail = new MailView("kemarin", hostile, hostile, hostile, "javascript:alert(1)");
    CallView call = new CallView("kemarin", hostile, hostile, 200);

    String outbox = render("sandbox-ams/outbox", Map.of("mails", List.of(mail), "calls", List.of(call),
        "outage", SandboxOutage.Mode.NONE, "modes", SandboxOutage.Mode.values()));
    String reset = render("sandbox-ams/reset", Map.of("token", "t", "holderName", hostile, "problem", hostile));

    assertThat(outbox).doesNotContain(hostile).contains("&lt;script&gt;");
    assertThat(reset).doesNotContain(hostile).contains("&lt;script&gt;");
  }

  private String submit(String link, String passphrase, String repeated) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("passphrase", passphrase);
    form.add("passphraseRepeated", repeated);
    return browser.postForEntity(link, form, String.class).getBody();
  }

  private String newestLinkTo(DemoPerson holder) {
    List<SandboxMail> mails = sandbox.outbox().stream().filter(mail -> mail.to().equals(holder.email())).toList();
    return mails.get(mails.size() - 1).link();
  }

  private String render(String template, Map<String, Object> model) {
    MockServletContext servletContext = new MockServletContext();
    WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(servletContext)
        .buildExchange(new MockHttpServletRequest(servletContext), new MockHttpServletResponse()), Locale.ROOT, model);
    return templates.process(template, context);
  }

  private static Holder holder(DemoPerson person) {
    return new Holder(person.nik(), person.email());
  }
}
