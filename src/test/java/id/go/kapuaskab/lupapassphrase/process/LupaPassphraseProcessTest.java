package id.go.kapuaskab.lupapassphrase.process;

import static id.go.kapuaskab.lupapassphrase.process.Groups.VERIFIERS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.*;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.ams.AmsFaultException;
import id.go.kapuaskab.lupapassphrase.ams.AmsPort;
import id.go.kapuaskab.lupapassphrase.ams.Holder;
import id.go.kapuaskab.lupapassphrase.ams.RelatedSop;
import id.go.kapuaskab.lupapassphrase.ams.api.AmsApi;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.demo.DemoPerson;
import id.go.kapuaskab.lupapassphrase.support.Requests;
import id.go.kapuaskab.lupapassphrase.support.Users;
import id.go.kapuaskab.sandboxams.SandboxApiCall;
import id.go.kapuaskab.sandboxams.SandboxApiJournal;
import id.go.kapuaskab.sandboxams.SandboxMail;
import id.go.kapuaskab.sandboxams.SandboxOutage;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The SOP on the real engine: the happy path in one test, each detour in its own, started where it
 * begins. AMS is the sandbox AMS, reached over real HTTP through the AMS client as in production; what
 * it received and what mail went out are the effects asserted. The build fails unless these tests
 * together cover every flow node and sequence flow ({@link ProcessCoverageRequirement}).
 */
class LupaPassphraseProcessTest extends IntegrationTest {

  private static final String NEW_PASSPHRASE = "Kapuas2026Baru";

  @Autowired
  private AmsPort amsClient;

  @Autowired
  private SandboxApiJournal amsJournal;

  @Autowired
  private SandboxOutage amsOutage;

  @Autowired
  private TestRestTemplate browser;

  @AfterEach
  void amsBackToNormal() {
    amsOutage.set(SandboxOutage.Mode.NONE);
  }

  @Test
  void happyPathEndsWithTheCertificateIssued() throws Exception {
    DemoPerson ani = DemoPeople.ANI;
    long resetsBefore = ams.resetCount(ani.nik());
    long amsCallsBefore = amsJournal.received();
    ProcessInstance request = openRequestAs(ani);

    assertThat(request).isWaitingAt(TASK_SUBMIT_REQUEST).task().isAssignedTo("ani");
    assertThat(request.getBusinessKey()).matches("LP-\\d{8}-[A-Z2-9]{6}");
    complete(task(request), Requests.submissionOf(ani));

    assertThat(request).isWaitingAt(TASK_VERIFY_REQUEST).task().hasCandidateGroup(VERIFIERS).isNotAssigned();
    approve(request);

    assertThat(request).isWaitingAt(TASK_RESET_PASSPHRASE);
    execute(job(TASK_RESET_PASSPHRASE, request));
    assertThat(ams.resetCount(ani.nik())).isEqualTo(resetsBefore + 1);
    assertThat(request).isWaitingAt(TASK_CONFIRM_LINK_RECEIVED).task().isAssignedTo("ani");
    complete(task(request), withVariables(LINK_STATUS, LinkStatus.RECEIVED.name()));

    assertThat(request).isWaitingAt(TASK_SET_NEW_PASSPHRASE).task().isAssignedTo("ani");
    holderSetsNewPassphraseInAms(ani);
    confirmActivation(request);
    execute(job(TASK_CHECK_CERTIFICATE_STATUS, request));

    assertThat(request).isEnded().hasPassed(END_CERTIFICATE_ISSUED).hasNotPassed(START_SLA_BREACHED);
    assertThat(historicValue(request, CERTIFICATE_ISSUED)).isEqualTo(true);
    // each person was told of their turn, and no breach was reported
    assertThat(Arrays.stream(SMTP.getReceivedMessages()).map(LupaPassphraseProcessTest::subjectOf)).containsExactlyInAnyOrder(
        "[Lupa Passphrase] " + request.getBusinessKey() + ": permohonan menunggu verifikator",
        "[Lupa Passphrase] " + request.getBusinessKey() + ": disetujui, konfirmasi tautan reset",
        "[Lupa Passphrase] " + request.getBusinessKey() + ": sertifikat elektronik diterbitkan");
    List<SandboxApiCall> amsCalls = amsJournal.callsAfter(amsCallsBefore);
    System.out.printf("One full SOP run over HTTP made %d AMS API calls: %s%n", amsCalls.size(),
        amsCalls.stream().map(call -> call.operation() + " " + call.status()).toList());
    assertThat(amsCalls).extracting(SandboxApiCall::operation, SandboxApiCall::idempotencyKey, SandboxApiCall::status)
        .containsExactly(
            tuple(AmsApi.RESET_PATH, request.getBusinessKey() + ":reset", 200),
            tuple(AmsApi.STATUS_PATH, null, 200));
  }

  @Test
  void amsDownRaisesAnIncidentAndARetryAfterwardsResetsExactlyOnce() throws Exception {
    DemoPerson budi = DemoPeople.BUDI;
    ProcessInstance request = startBefore(TASK_RESET_PASSPHRASE, budi, Map.of());
    long resetsBefore = ams.resetCount(budi.nik());
    int mailsBefore = mailsTo(budi).size();
    amsOutage.set(SandboxOutage.Mode.DOWN);

    Job reset = job(TASK_RESET_PASSPHRASE, request);
    for (int retriesLeft = 2; retriesLeft >= 0; retriesLeft--) {
      Date tried = ClockUtil.getCurrentTime();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(reset.getId()))
          .hasMessage("AMS fault on reset passphrase: AMS answered HTTP 503 Service Unavailable");
      Job failed = job(TASK_RESET_PASSPHRASE, request);
      assertThat(failed.getRetries()).isEqualTo(retriesLeft);
      if (retriesLeft > 0) {
        // the next try waits the configured interval (R3/PT5M)
        assertThat(failed.getDuedate()).isCloseTo(Date.from(tried.toInstant().plus(Duration.ofMinutes(5))), 5_000);
      }
    }

    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(request.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(TASK_RESET_PASSPHRASE);
    assertThat(incident.getIncidentMessage())
        .isEqualTo("AMS fault on reset passphrase: AMS answered HTTP 503 Service Unavailable");
    assertThat(ams.resetCount(budi.nik())).isEqualTo(resetsBefore);

    // AMS is back; the operator retries the job in Cockpit
    amsOutage.set(SandboxOutage.Mode.NONE);
    engine.getManagementService().setJobRetries(reset.getId(), 1);
    execute(job(TASK_RESET_PASSPHRASE, request));

    assertThat(request).isWaitingAt(TASK_CONFIRM_LINK_RECEIVED);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(request.getId()).count()).isZero();
    assertThat(ams.resetCount(budi.nik())).isEqualTo(resetsBefore + 1);
    assertThat(mailsTo(budi)).hasSize(mailsBefore + 1);
    assertThat(callsWithKey(request.getBusinessKey() + ":reset")).containsExactly(503, 503, 503, 200);
  }

  @Test
  void lostAnswerIsRetriedUnderTheSameKeyWithoutASecondReset() throws Exception {
    DemoPerson ani = DemoPeople.ANI;
    ProcessInstance request = startBefore(TASK_RESET_PASSPHRASE, ani, Map.of());
    long resetsBefore = ams.resetCount(ani.nik());
    int mailsBefore = mailsTo(ani).size();
    amsOutage.set(SandboxOutage.Mode.ANSWER_LOST);

    Job reset = job(TASK_RESET_PASSPHRASE, request);
    assertThatThrownBy(() -> engine.getManagementService().executeJob(reset.getId()))
        .isInstanceOf(AmsFaultException.class);
    assertThat(ams.resetCount(ani.nik())).isEqualTo(resetsBefore + 1);

    amsOutage.set(SandboxOutage.Mode.NONE);
    execute(job(TASK_RESET_PASSPHRASE, request));

    assertThat(request).isWaitingAt(TASK_CONFIRM_LINK_RECEIVED);
    assertThat(ams.resetCount(ani.nik())).isEqualTo(resetsBefore + 1);
    assertThat(mailsTo(ani)).hasSize(mailsBefore + 1);
    assertThat(callsWithKey(request.getBusinessKey() + ":reset")).containsExactly(503, 200);
  }

  @Test
  void rejectedRequestIsCorrectedAndSubmittedAgain() {
    ProcessInstance request = openRequestAs(DemoPeople.ANI);
    complete(task(request), Requests.submissionOf(DemoPeople.ANI));

    complete(task(request), withVariables(VERIFICATION_DECISION, VerificationDecision.REJECT.name(),
        REJECTION_REASON, "Surat pernyataan belum ditandatangani."));

    assertThat(request).isWaitingAt(TASK_SUBMIT_REQUEST).task().isAssignedTo("ani");
    assertThat(request).variables().containsEntry(REJECTION_REASON, "Surat pernyataan belum ditandatangani.");
    // the corrected request keeps the letter uploaded before
    complete(task(request), withVariables(SUBMIT_ACTION, SubmitAction.SUBMIT.name(), AGENCY, "Sekretariat Daerah"));
    assertThat(request).isWaitingAt(TASK_VERIFY_REQUEST).variables().containsEntry(AGENCY, "Sekretariat Daerah");
  }

  @Test
  void applicantWithdrawsTheRequest() {
    ProcessInstance request = openRequestAs(DemoPeople.BUDI);

    complete(task(request), withVariables(SUBMIT_ACTION, SubmitAction.WITHDRAW.name()));

    assertThat(request).isEnded().hasPassed(END_REQUEST_WITHDRAWN);
  }

  @Test
  void linkNotReceivedIsSentAgain() throws Exception {
    DemoPerson budi = DemoPeople.BUDI;
    ProcessInstance request = startBefore(TASK_CONFIRM_LINK_RECEIVED, budi, resetDone(budi, 0));
    int mailsBefore = mailsTo(budi).size();

    complete(task(request), withVariables(LINK_STATUS, LinkStatus.NOT_RECEIVED.name()));
    assertThat(request).isWaitingAt(TASK_RESEND_RESET_LINK);
    execute(job(TASK_RESEND_RESET_LINK, request));

    assertThat(request).isWaitingAt(TASK_CONFIRM_LINK_RECEIVED).variables().containsEntry(LINK_RESEND_COUNT, 1);
    assertThat(mailsTo(budi)).hasSize(mailsBefore + 1);
  }

  @Test
  void linkNeverReceivedGoesToTheVerifierAfterThreeResends() throws Exception {
    DemoPerson budi = DemoPeople.BUDI;
    ProcessInstance request = startBefore(TASK_CONFIRM_LINK_RECEIVED, budi, resetDone(budi, 3));

    complete(task(request), withVariables(LINK_STATUS, LinkStatus.NOT_RECEIVED.name()));

    assertThat(request).hasPassed("EndEvent_ResendLimitReached")
        .isWaitingAt(TASK_REVIEW_AMS_REFUSAL).task().hasCandidateGroup(VERIFIERS);
    assertThat(request).variables().containsEntry(REFUSAL_REASON,
        "Tautan reset tidak diterima pemohon setelah batas kirim ulang tercapai.");
    complete(task(request), withVariables(VERIFIER_NOTE, "Periksa alamat e-mail dinas Anda di AMS bersama verifikator."));
    execute(job(TASK_NOTIFY_APPLICANT_REJECTED, request));

    assertThat(request).isEnded().hasPassed(END_REQUEST_REJECTED);
    assertThat(onlyMessage("tidak dapat dilanjutkan").getContent().toString()).contains("Periksa alamat e-mail dinas");
  }

  @Test
  void certificateNotYetIssuedAsksTheApplicantAgain() throws Exception {
    DemoPerson ani = DemoPeople.ANI;
    ProcessInstance request = startBefore(TASK_SET_NEW_PASSPHRASE, ani, resetDone(ani, 0));

    confirmActivation(request);
    execute(job(TASK_CHECK_CERTIFICATE_STATUS, request));

    assertThat(request).isWaitingAt(TASK_SET_NEW_PASSPHRASE).variables()
        .containsEntry(CERTIFICATE_STATUS, "ISSUE").containsEntry(CERTIFICATE_ISSUED, false);

    holderSetsNewPassphraseInAms(ani);
    confirmActivation(request);
    execute(job(TASK_CHECK_CERTIFICATE_STATUS, request));
    assertThat(request).isEnded().hasPassed(END_CERTIFICATE_ISSUED);
  }

  @Test
  void revokedCertificateIsReferredToTheRelatedSop() throws Exception {
    DemoPerson citra = DemoPeople.CITRA_REVOKED;
    ProcessInstance request = startBefore(TASK_RESET_PASSPHRASE, citra, Map.of());

    execute(job(TASK_RESET_PASSPHRASE, request));

    assertThat(request).hasPassed("BoundaryEvent_AmsRefusedReset").isWaitingAt(TASK_REVIEW_AMS_REFUSAL);
    assertThat(request).variables()
        .containsEntry(AMS_REFUSAL, "REVOKE")
        .containsEntry(REFUSAL_REASON, "Sertifikat elektronik sudah dicabut.")
        .containsEntry(RELATED_SOP, RelatedSop.ISSUANCE.title());
    complete(task(request), withVariables(VERIFIER_NOTE, "Ajukan penerbitan sertifikat baru."));
    execute(job(TASK_NOTIFY_APPLICANT_REJECTED, request));

    assertThat(request).isEnded().hasPassed(END_REQUEST_REJECTED);
    MimeMessage notice = onlyMessage("tidak dapat dilanjutkan");
    assertThat(notice.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(citra.email());
    assertThat(notice.getContent().toString()).contains(RelatedSop.ISSUANCE.title(), "Ajukan penerbitan sertifikat baru.");
  }

  @Test
  void suspendedCertificateFoundAtTheStatusCheckGoesToTheVerifier() {
    DemoPerson dedi = DemoPeople.DEDI_SUSPENDED;
    Map<String, Object> reset = Map.of(RESET_REQUESTED_AT, new Date(), LINK_RESEND_COUNT, 0);
    ProcessInstance request = startBefore(TASK_CHECK_CERTIFICATE_STATUS, dedi, reset);

    execute(job(TASK_CHECK_CERTIFICATE_STATUS, request));

    assertThat(request).hasPassed("BoundaryEvent_AmsRefusedActivation").isWaitingAt(TASK_REVIEW_AMS_REFUSAL);
    assertThat(request).variables().containsEntry(AMS_REFUSAL, "SUSPEND")
        .containsEntry(RELATED_SOP, RelatedSop.REVOCATION.title());
  }

  @ParameterizedTest
  @MethodSource("id.go.kapuaskab.lupapassphrase.process.ProcessModelTest#sopSteps")
  void overrunStepIsRecordedAndReportedWhileTheStepGoesOn(SopStep step) throws Exception {
    // within service hours (Tuesday 11 August 2026, 09.00 WIB), where service time and the wall clock agree
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-08-11T02:00:00Z")));
    DemoPerson ani = DemoPeople.ANI;
    Map<String, Object> state = step.number() >= 3 ? resetDone(ani, 0) : Map.of();
    ProcessInstance request = startBefore(step.taskId(), ani, state);
    Task waiting = task(request);
    Duration standard = Map.of(1, Duration.ofMinutes(2), 2, Duration.ofMinutes(5),
        3, Duration.ofMinutes(5), 4, Duration.ofMinutes(10)).get(step.number());

    ClockUtil.setCurrentTime(Date.from(waiting.getCreateTime().toInstant().plus(standard).plusSeconds(3)));
    execute(timerJob(request, step.timerId()));
    execute(job(TASK_NOTIFY_SUPERVISOR, request));

    assertThat(request).isWaitingAt(step.taskId())
        .hasPassed(START_SLA_BREACHED, TASK_NOTIFY_SUPERVISOR, END_SUPERVISOR_NOTIFIED);
    assertThat(task(request).getId()).isEqualTo(waiting.getId());
    assertThat(historicValue(request, SLA_TASK)).isEqualTo(step.taskId());
    assertThat(historicValue(request, SLA_DUE_AT)).isEqualTo(Date.from(waiting.getCreateTime().toInstant().plus(standard)));
    assertThat(historicValue(request, SLA_FIRED_AT)).isEqualTo(ClockUtil.getCurrentTime());
    assertThat(historicValue(request, SLA_RESPONSIBLE))
        .isEqualTo(TASK_VERIFY_REQUEST.equals(step.taskId()) ? "grup verifikator" : "ani");
    MimeMessage notice = onlyMessage("terlampaui");
    assertThat(notice.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(DemoPeople.HENDRA.email());
    assertThat(notice.getSubject()).contains("waktu baku langkah " + step.number() + " terlampaui");
  }

  @Test
  void requestNotSubmittedWithinADayExpires() throws Exception {
    ProcessInstance request = openRequestAs(DemoPeople.BUDI);

    ClockUtil.setCurrentTime(Date.from(task(request).getCreateTime().toInstant().plus(Duration.ofDays(1)).plusSeconds(1)));
    execute(timerJob(request, TIMER_SUBMIT_REQUEST_DEADLINE));
    execute(job(TASK_NOTIFY_APPLICANT_EXPIRED, request));

    assertThat(request).isEnded().hasPassed(END_REQUEST_EXPIRED);
    assertThat(onlyMessage("kedaluwarsa").getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(DemoPeople.BUDI.email());
  }

  @Test
  void activationNotFinishedWithinADayExpires() throws Exception {
    DemoPerson ani = DemoPeople.ANI;
    ProcessInstance request = startBefore(TASK_CONFIRM_LINK_RECEIVED, ani, resetDone(ani, 0));

    ClockUtil.setCurrentTime(Date.from(task(request).getCreateTime().toInstant().plus(Duration.ofDays(1)).plusSeconds(1)));
    execute(timerJob(request, TIMER_ACTIVATION_DEADLINE));
    execute(job(TASK_NOTIFY_APPLICANT_EXPIRED, request));

    assertThat(request).isEnded().hasPassed(END_REQUEST_EXPIRED).hasNotPassed(END_CERTIFICATE_ISSUED);
    assertThat(onlyMessage("kedaluwarsa").getSubject()).contains(request.getBusinessKey(), "kedaluwarsa");
  }

  // --- the people's actions -------------------------------------------------------------------

  private ProcessInstance openRequestAs(DemoPerson applicant) {
    return Users.as(engine, applicant.userId(), () -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY));
  }

  /**
   * A request of the holder for ani, placed where a detour begins with the state it needs: only an
   * administrator may start a request elsewhere than at its start event.
   */
  private ProcessInstance startBefore(String activityId, DemoPerson holder, Map<String, Object> state) {
    Map<String, Object> variables = new HashMap<>(Requests.submissionOf(holder));
    variables.put(APPLICANT, DemoPeople.ANI.userId());
    variables.putAll(state);
    return Users.as(engine, DemoPeople.ADMIN.userId(), () -> engine.getRuntimeService()
        .createProcessInstanceByKey(PROCESS_KEY)
        .businessKey("LP-TEST-" + UUID.randomUUID())
        .setVariables(variables)
        .startBeforeActivity(activityId)
        .execute());
  }

  /** The state after step 2: AMS registered a reset for the holder and sent the link. */
  private Map<String, Object> resetDone(DemoPerson holder, int resends) {
    Date requestedAt = Date.from(amsClient.requestReset(new Holder(holder.nik(), holder.email()),
        "test-" + UUID.randomUUID()).requestedAt());
    return Map.of(RESET_REQUESTED_AT, requestedAt, LINK_RESEND_COUNT, resends);
  }

  private void approve(ProcessInstance request) {
    complete(task(request), withVariables(VERIFICATION_DECISION, VerificationDecision.APPROVE.name(), IDENTITY_VERIFIED, true));
  }

  private void confirmActivation(ProcessInstance request) {
    complete(task(request), withVariables(ACTIVATION_DONE_IN_AMS, true, AGREEMENT_ACCEPTED, true));
  }

  /** The holder opens the newest link AMS sent and types the new passphrase twice on AMS's page. */
  private void holderSetsNewPassphraseInAms(DemoPerson holder) {
    List<SandboxMail> mails = mailsTo(holder);
    String link = mails.get(mails.size() - 1).link();
    assertThat(browser.getForEntity(link, String.class).getBody()).contains("Buat passphrase baru");
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("passphrase", NEW_PASSPHRASE);
    form.add("passphraseRepeated", NEW_PASSPHRASE);
    ResponseEntity<String> done = browser.postForEntity(link, form, String.class);
    assertThat(done.getBody()).contains("Passphrase baru tersimpan");
  }

  private List<SandboxMail> mailsTo(DemoPerson holder) {
    return ams.outbox().stream().filter(mail -> mail.to().equals(holder.email())).toList();
  }

  // --- reading the effects --------------------------------------------------------------------

  private List<Integer> callsWithKey(String idempotencyKey) {
    return amsJournal.callsAfter(0).stream().filter(call -> idempotencyKey.equals(call.idempotencyKey()))
        .map(SandboxApiCall::status).toList();
  }

  private Job timerJob(ProcessInstance request, String timerId) {
    return engine.getManagementService().createJobQuery()
        .processInstanceId(request.getId()).activityId(timerId).singleResult();
  }

  private Object historicValue(ProcessInstance request, String name) {
    HistoricVariableInstance variable = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(request.getId()).variableName(name).singleResult();
    return variable.getValue();
  }

  /** The one mail whose subject holds the words: the notices of people's turns go out beside it. */
  private static MimeMessage onlyMessage(String subjectPart) {
    List<MimeMessage> received = Arrays.stream(SMTP.getReceivedMessages())
        .filter(message -> subjectOf(message).contains(subjectPart)).toList();
    assertThat(received).as("mails received with %s in the subject", subjectPart).hasSize(1);
    return received.get(0);
  }

  private static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
