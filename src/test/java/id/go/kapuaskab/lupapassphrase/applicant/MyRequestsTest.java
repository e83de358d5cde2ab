package id.go.kapuaskab.lupapassphrase.applicant;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_CONFIRM_LINK_RECEIVED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.process.Groups;
import id.go.kapuaskab.lupapassphrase.support.Browserless;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/**
 * The applicant's page over HTTP, with two applicants: each reads her own requests only, where each
 * stands and whose turn it is; and each person is told by e-mail (a real SMTP server) when it is their
 * turn, with the request number and a link to the task.
 */
class MyRequestsTest extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void eachApplicantReadsHerOwnRequestsOnlyAndEachPersonIsToldOfTheirTurn() throws Exception {
    // a Tuesday, 09.00 WIB: the standard times count service hours (open on a weekday of a year without a holiday list)
    Instant start = Instant.parse("2047-03-05T02:00:00Z");
    SopRun older = SopRun.openedAt(engine, ams, DemoPeople.ANI, start).submitAfter(MINUTE);
    SopRun budis = SopRun.openedAt(engine, ams, DemoPeople.BUDI, start.plusSeconds(90));
    SopRun newer = SopRun.openedAt(engine, ams, DemoPeople.ANI, start.plusSeconds(120));
    Instant verifyTaskCreated = start.plus(MINUTE);

    Browserless ani = new Browserless(port);
    assertThat(ani.get(MyRequestsController.PATH).statusCode()).isEqualTo(401);
    assertThat(ani.login("tasklist", "ani", "demo").statusCode()).isEqualTo(200);

    List<JsonNode> hers = list(ani);
    List<String> numbers = hers.stream().map(request -> request.get("number").asText()).toList();
    assertThat(numbers).contains(older.businessKey(), newer.businessKey()).doesNotContain(budis.businessKey());
    assertThat(numbers.indexOf(newer.businessKey())).as("newest first").isLessThan(numbers.indexOf(older.businessKey()));

    JsonNode waiting = find(hers, older.businessKey());
    assertThat(waiting.get("stage").asText()).isEqualTo(Stage.MENUNGGU_VERIFIKATOR.name());
    assertThat(waiting.get("state").asText()).isEqualTo("Menunggu verifikator");
    assertThat(waiting.get("turn").asText()).isEqualTo("Verifikator");
    assertThat(waiting.get("step").asText()).startsWith("Langkah 2: ");
    assertThat(waiting.get("standardTime").asText()).isEqualTo("5 menit");
    assertThat(Instant.parse(waiting.get("due").asText())).isEqualTo(verifyTaskCreated.plus(Duration.ofMinutes(5)));
    assertThat(Instant.parse(waiting.get("opened").asText())).isEqualTo(start);
    assertThat(waiting.get("taskId").isNull()).isTrue();

    JsonNode hersToSubmit = find(hers, newer.businessKey());
    assertThat(hersToSubmit.get("stage").asText()).isEqualTo(Stage.MENUNGGU_PENGAJUAN.name());
    assertThat(hersToSubmit.get("turn").asText()).isEqualTo("Anda");
    assertThat(hersToSubmit.get("taskId").asText()).isEqualTo(newer.taskId(TASK_SUBMIT_REQUEST));

    // another applicant's number gives nothing, as a number nobody has
    assertThat(ani.get(MyRequestsController.PATH + "/" + budis.businessKey()).statusCode()).isEqualTo(404);
    assertThat(ani.get(MyRequestsController.PATH + "/LP-00000000-AAAAAA").statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(ani.get(MyRequestsController.PATH + "/" + older.businessKey()).body())
        .get("number").asText()).isEqualTo(older.businessKey());
    Browserless budi = new Browserless(port);
    budi.login("tasklist", "budi", "demo");
    assertThat(list(budi)).extracting(request -> request.get("number").asText())
        .contains(budis.businessKey()).doesNotContain(older.businessKey(), newer.businessKey());

    // the verifiers were told the request entered their queue, with a link to the task
    MimeMessage queued = onlyMail(older.businessKey() + ": permohonan menunggu verifikator");
    assertThat(recipients(queued)).contains(DemoPeople.VERA.email()).doesNotContain(DemoPeople.ANI.email());
    assertThat(queued.getContent().toString())
        .contains("/camunda/app/tasklist/default/#/?task=" + older.taskId(TASK_VERIFY_REQUEST), "waktu baku 5 menit")
        .doesNotContain(DemoPeople.ANI.nik());

    // rejected: the reason on her page and in her mail, her turn again
    older.reject(DemoPeople.VERA, MINUTE, MINUTE, "Tanda tangan pada surat belum ada.");
    JsonNode rejected = one(ani, older.businessKey());
    assertThat(rejected.get("stage").asText()).isEqualTo(Stage.DITOLAK_VERIFIKATOR.name());
    assertThat(rejected.get("detail").asText()).isEqualTo("Alasan: Tanda tangan pada surat belum ada.");
    assertThat(rejected.get("turn").asText()).isEqualTo("Anda");
    MimeMessage rejection = onlyMail(older.businessKey() + ": ditolak verifikator");
    assertThat(recipients(rejection)).containsExactly(DemoPeople.ANI.email());
    assertThat(rejection.getContent().toString()).contains("Alasan: Tanda tangan pada surat belum ada.",
        "#/?task=" + older.taskId(TASK_SUBMIT_REQUEST));

    // submitted again and approved: AMS sent the link, her turn to confirm it
    older.resubmitAfter(MINUTE);
    assertThat(onlyMailsAbout(older.businessKey() + ": permohonan menunggu verifikator")).hasSize(2);
    older.approve(DemoPeople.VERA, MINUTE, MINUTE).runJobs();
    JsonNode approved = one(ani, older.businessKey());
    assertThat(approved.get("stage").asText()).isEqualTo(Stage.TAUTAN_DIKIRIM.name());
    assertThat(approved.get("taskId").asText()).isEqualTo(older.taskId(TASK_CONFIRM_LINK_RECEIVED));
    assertThat(onlyMail(older.businessKey() + ": disetujui, konfirmasi tautan reset").getContent().toString())
        .contains("#/?task=" + older.taskId(TASK_CONFIRM_LINK_RECEIVED));

    older.confirmLinkAfter(MINUTE).setNewPassphraseAfter(MINUTE).runJobs();
    JsonNode issued = one(ani, older.businessKey());
    assertThat(issued.get("stage").asText()).isEqualTo(Stage.DITERBITKAN.name());
    assertThat(issued.get("state").asText()).isEqualTo("Selesai: sertifikat elektronik diterbitkan");
    assertThat(issued.get("ended").isNull()).isFalse();
    assertThat(recipients(onlyMail(older.businessKey() + ": sertifikat elektronik diterbitkan")))
        .containsExactly(DemoPeople.ANI.email());

    newer.withdrawAfter(MINUTE);
    budis.withdrawAfter(MINUTE);
    assertThat(one(ani, newer.businessKey()).get("state").asText()).isEqualTo("Dibatalkan (ditarik oleh pemohon)");
    ClockUtil.reset();
  }

  @Test
  void aVerifierWhoOpenedTheRequestIsNotToldItWaitsForHer() throws Exception {
    // a verifier who forgot her own passphrase opens a request as an applicant; she may not decide it (four eyes)
    engine.getIdentityService().createMembership(DemoPeople.VERA.userId(), Groups.APPLICANTS);
    try {
      // a Tuesday, 09.00 WIB
      Instant start = Instant.parse("2047-03-12T02:00:00Z");
      SopRun hers = SopRun.openedAt(engine, ams, DemoPeople.VERA, start).submitAfter(MINUTE, DemoPeople.ANI);
      SopRun anis = SopRun.openedAt(engine, ams, DemoPeople.ANI, start.plus(MINUTE)).submitAfter(MINUTE);

      for (MimeMessage notice : onlyMailsAbout(hers.businessKey() + ": permohonan menunggu verifikator")) {
        assertThat(recipients(notice)).doesNotContain(DemoPeople.VERA.email());
      }
      assertThat(recipients(onlyMail(anis.businessKey() + ": permohonan menunggu verifikator")))
          .contains(DemoPeople.VERA.email());
    } finally {
      engine.getIdentityService().deleteMembership(DemoPeople.VERA.userId(), Groups.APPLICANTS);
    }
  }

  @Test
  void theDemoMailboxShowsEachPersonTheirOwnNoticesAndTheAdministratorAll() throws Exception {
    SopRun budis = SopRun.openedAt(engine, ams, DemoPeople.BUDI, Instant.parse("2047-03-06T02:00:00Z")).submitAfter(MINUTE);
    String queued = budis.businessKey() + ": permohonan menunggu verifikator";

    Browserless anonymous = new Browserless(port);
    assertThat(anonymous.get("/api/kotak-surat").statusCode()).isEqualTo(401);
    assertThat(notices(DemoPeople.VERA.userId())).anyMatch(notice -> notice.get("subject").asText().endsWith(queued)
        && notice.get("to").toString().contains(DemoPeople.VERA.email()) && notice.get("text").asText().contains("#/?task="));
    assertThat(notices(DemoPeople.ANI.userId())).noneMatch(notice -> notice.get("subject").asText().contains(budis.businessKey()));
    assertThat(notices(DemoPeople.ADMIN.userId())).anyMatch(notice -> notice.get("subject").asText().endsWith(queued));

    budis.reject(DemoPeople.VERA, MINUTE, MINUTE, "Surat belum ditandatangani.").withdrawAfter(MINUTE);
    ClockUtil.reset();
  }

  private List<JsonNode> notices(String userId) throws Exception {
    Browserless session = new Browserless(port);
    session.login(DemoPeople.ADMIN.userId().equals(userId) ? "admin" : "tasklist", userId, "demo");
    var answer = session.get("/api/kotak-surat");
    assertThat(answer.statusCode()).isEqualTo(200);
    return StreamSupport.stream(JSON.readTree(answer.body()).spliterator(), false).toList();
  }

  private static List<JsonNode> list(Browserless session) throws Exception {
    var answer = session.get(MyRequestsController.PATH);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    return StreamSupport.stream(JSON.readTree(answer.body()).spliterator(), false).toList();
  }

  private static JsonNode one(Browserless session, String number) throws Exception {
    var answer = session.get(MyRequestsController.PATH + "/" + number);
    assertThat(answer.statusCode()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static JsonNode find(List<JsonNode> requests, String number) {
    return requests.stream().filter(request -> request.get("number").asText().equals(number)).findFirst().orElseThrow();
  }

  private static List<MimeMessage> onlyMailsAbout(String subject) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> subjectOf(message).contains(subject)).toList();
  }

  /** The one mail with this subject (each recipient's copy is the same mail). */
  private static MimeMessage onlyMail(String subject) {
    List<MimeMessage> found = onlyMailsAbout(subject);
    assertThat(found).as("mails titled %s among %s", subject,
        Arrays.stream(SMTP.getReceivedMessages()).map(MyRequestsTest::subjectOf).toList()).isNotEmpty();
    return found.get(0);
  }

  private static List<String> recipients(MimeMessage message) throws Exception {
    return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
  }

  private static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
