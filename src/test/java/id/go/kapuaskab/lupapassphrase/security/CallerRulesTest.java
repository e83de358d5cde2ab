package id.go.kapuaskab.lupapassphrase.security;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_CONFIRM_LINK_RECEIVED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SET_NEW_PASSPHRASE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static id.go.kapuaskab.lupapassphrase.support.RestVariables.bool;
import static id.go.kapuaskab.lupapassphrase.support.RestVariables.file;
import static id.go.kapuaskab.lupapassphrase.support.RestVariables.string;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.process.Groups;
import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.demo.DemoPerson;
import id.go.kapuaskab.lupapassphrase.process.LinkStatus;
import id.go.kapuaskab.lupapassphrase.process.ProcessIds;
import id.go.kapuaskab.lupapassphrase.process.VerificationDecision;
import id.go.kapuaskab.lupapassphrase.support.EngineApi;
import id.go.kapuaskab.lupapassphrase.support.EngineApi.Answer;
import id.go.kapuaskab.lupapassphrase.support.EngineApi.Door;
import id.go.kapuaskab.lupapassphrase.support.Letters;
import id.go.kapuaskab.lupapassphrase.support.RestVariables;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server owns the request: every hostile call a logged-in user can make through the engine's
 * REST API is refused, at both of its doors (/engine-rest with HTTP Basic and the webapps' own API
 * with a session, which Tasklist and Cockpit call), while the honest call through the same step still
 * works and nothing saved before is lost.
 */
class CallerRulesTest extends IntegrationTest {

  private static final String SECOND_VERIFIER = "vino";
  /** A verifier who forgot their own passphrase: in both groups, holding Ani's certificate in the sandbox. */
  private static final DemoPerson VERIFYING_APPLICANT = new DemoPerson("vani", "Vani", "Lestari", DemoPeople.ANI.email(),
      List.of(Groups.APPLICANTS, Groups.VERIFIERS), DemoPeople.ANI.nik(), DemoPeople.ANI.nip(),
      DemoPeople.ANI.certificate(), DemoPeople.ANI.validFrom());

  @BeforeEach
  void moreVerifiers() {
    saveUser(SECOND_VERIFIER, "Vino", List.of(Groups.VERIFIERS));
    saveUser(VERIFYING_APPLICANT.userId(), VERIFYING_APPLICANT.firstName(), VERIFYING_APPLICANT.groups());
  }

  private void saveUser(String userId, String firstName, List<String> groups) {
    if (engine.getIdentityService().createUserQuery().userId(userId).count() == 0) {
      User user = engine.getIdentityService().newUser(userId);
      user.setFirstName(firstName);
      user.setLastName("Pratama");
      user.setPassword("demo");
      engine.getIdentityService().saveUser(user);
      groups.forEach(group -> engine.getIdentityService().createMembership(userId, group));
    }
  }

  // --- a request starts only at its start event ---------------------------------------------------

  @ParameterizedTest
  @EnumSource(Door.class)
  void aRequestStartsOnlyAtItsStartEventNumberedByTheServer(Door door) {
    EngineApi ani = door.as(port, "ani");
    String start = "/process-definition/key/" + PROCESS_KEY + "/start";
    long before = requestsOf("ani");
    long budisResets = ams.resetCount(DemoPeople.BUDI.nik());

    Answer elsewhere = ani.call("POST", start, Map.of(
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_ResetPassphrase")),
        "variables", Map.of("nik", string(DemoPeople.BUDI.nik()), "officialEmail", string(DemoPeople.BUDI.email()))));
    assertThat(elsewhere.status()).isEqualTo(403);
    assertThat(ani.call("POST", start, Map.of("skipCustomListeners", true)).status()).isEqualTo(403);
    assertThat(ani.call("POST", start, Map.of("skipIoMappings", true)).status()).isEqualTo(403);
    Answer chosenNumber = ani.call("POST", start, Map.of("businessKey", "LP-20260101-AAAAAA"));
    assertThat(chosenNumber.status()).isEqualTo(400);
    assertThat(chosenNumber.field()).isEqualTo("businessKey");
    Answer formWithNumber = ani.call("POST", "/process-definition/key/" + PROCESS_KEY + "/submit-form",
        Map.of("businessKey", "LP-20260101-AAAAAB", "variables", Map.of()));
    assertThat(formWithNumber.status()).isEqualTo(400);
    assertThat(formWithNumber.field()).isEqualTo("businessKey");
    Answer preset = ani.call("POST", start, Map.of("variables", Map.of(
        "verificationDecision", string(VerificationDecision.APPROVE.name()), "identityVerified", bool(true))));
    assertThat(preset.status()).isEqualTo(400);
    assertThat(preset.field()).isIn("verificationDecision", "identityVerified");
    assertThat(requestsOf("ani")).isEqualTo(before);
    assertThat(ams.resetCount(DemoPeople.BUDI.nik())).isEqualTo(budisResets);

    Answer honest = ani.call("POST", "/process-definition/key/" + PROCESS_KEY + "/submit-form", Map.of("variables", Map.of()));
    assertThat(honest.status()).isEqualTo(200);
    assertThat(honest.json().get("businessKey").asText()).matches("LP-\\d{8}-[A-Z2-9]{6}");
    assertThat(requestsOf("ani")).isEqualTo(before + 1);

    // the administrator may repair: start a request where it has to continue
    Answer repair = EngineApi.basic(port, "admin").call("POST", start, Map.of(
        "businessKey", "LP-REPAIR-" + door, "startInstructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", TASK_SUBMIT_REQUEST)),
        "variables", Map.of("applicant", string("ani"))));
    assertThat(repair.status()).isEqualTo(200);
  }

  // --- each user task takes exactly its form's fields ---------------------------------------------

  @ParameterizedTest
  @EnumSource(Door.class)
  void stepOneTakesExactlyItsFormsFieldsAndNothingSavedIsLost(Door door) {
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.now());
    String task = run.taskId(TASK_SUBMIT_REQUEST);
    engine.getTaskService().setVariable(task, "agency", "Sekretariat Daerah");
    EngineApi ani = door.as(port, "ani");

    Map<String, Consumer<Map<String, Object>>> hostile = new LinkedHashMap<>();
    hostile.put("verificationDecision", form -> form.put("verificationDecision", string(VerificationDecision.APPROVE.name())));
    hostile.put("identityVerified", form -> form.put("identityVerified", bool(true)));
    hostile.put("slaTask", form -> form.put("slaTask", Map.of("value", "dua", "type", "String")));
    hostile.put("linkResendCount", form -> form.put("linkResendCount", Map.of("value", -100, "type", "Integer")));
    hostile.put("applicant", form -> form.put("applicant", string("budi")));
    hostile.put("applicantName", form -> form.put("applicantName", Map.of("value", 42, "type", "Integer")));
    hostile.put("agency", form -> form.put("agency", string("D".repeat(151))));
    hostile.put("nik", form -> form.put("nik", string("6203017102900001"))); // 31 February
    hostile.put("nip", form -> form.put("nip", Map.of("value", "2020-01-01T00:00:00.000+0000", "type", "Date")));
    hostile.put("officialEmail", form -> form.put("officialEmail", string("ani@kapuaskab.go.id\nBcc: x@y.z")));
    hostile.put("statementLetter", form -> form.put("statementLetter",
        file("surat.pdf", "application/pdf", "%PDF-1.7 lima bita saja".getBytes(StandardCharsets.US_ASCII))));
    hostile.put("submitAction", form -> form.put("submitAction", string(VerificationDecision.APPROVE.name())));
    for (Map.Entry<String, Consumer<Map<String, Object>>> call : hostile.entrySet()) {
      Map<String, Object> form = RestVariables.submissionOf(DemoPeople.ANI);
      call.getValue().accept(form);
      Answer refused = complete(ani, door, task, form);
      assertThat(refused.status()).as(call.getKey()).isEqualTo(400);
      assertThat(refused.field()).as(call.getKey()).isEqualTo(call.getKey());
    }
    // a type the engine cannot even read is refused by the REST API itself, still as 400
    Map<String, Object> unreadable = RestVariables.submissionOf(DemoPeople.ANI);
    unreadable.put("nip", Map.of("value", "{\"a\":1}", "type", "Json"));
    assertThat(complete(ani, door, task, unreadable).status()).isEqualTo(400);
    Map<String, Object> hidden = RestVariables.submissionOf(DemoPeople.ANI);
    hidden.put("applicantName", string("Ani\u200B Lestari"));
    assertThat(complete(ani, door, task, hidden).field()).isEqualTo("applicantName");
    Map<String, Object> reversed = RestVariables.submissionOf(DemoPeople.ANI);
    reversed.put("agency", string("Dinas \u202Enimda\u202C"));
    assertThat(complete(ani, door, task, reversed).field()).isEqualTo("agency");

    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isOne();
    assertThat(engine.getRuntimeService().getVariables(run.id()))
        .containsEntry("agency", "Sekretariat Daerah")
        .doesNotContainKeys("nik", "verificationDecision", "identityVerified", "slaTask", "linkResendCount");

    Map<String, Object> honest = RestVariables.submissionOf(DemoPeople.ANI);
    honest.put("officialEmail", string("  " + DemoPeople.ANI.email() + " \t"));
    assertThat(complete(ani, door, task, honest).status()).isEqualTo(204);
    assertThat(engine.getRuntimeService().getVariable(run.id(), "officialEmail")).isEqualTo(DemoPeople.ANI.email());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(run.id()).singleResult()
        .getTaskDefinitionKey()).isEqualTo(TASK_VERIFY_REQUEST);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void theVerifierDecidesInTheirOwnCompletionAndTheRecordShowsWhatWasChecked(Door door) throws Exception {
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.now()).submitAfter(Duration.ZERO);
    String task = run.taskId(TASK_VERIFY_REQUEST);
    EngineApi vera = door.as(port, "vera");
    assertThat(vera.call("POST", "/task/" + task + "/claim", Map.of("userId", "vera")).status()).isEqualTo(204);
    long resets = ams.resetCount(DemoPeople.ANI.nik());

    assertThat(complete(vera, door, task, Map.of()).field()).isEqualTo("verificationDecision");
    assertThat(complete(vera, door, task, Map.of("verificationDecision", string(VerificationDecision.REJECT.name()))).field())
        .isEqualTo("rejectionReason");
    assertThat(complete(vera, door, task, Map.of("verificationDecision", string(VerificationDecision.APPROVE.name()))).field())
        .isEqualTo("identityVerified");
    assertThat(complete(vera, door, task, Map.of("verificationDecision", string(VerificationDecision.APPROVE.name()),
        "identityVerified", bool(false))).field()).isEqualTo("identityVerified");
    assertThat(complete(vera, door, task, Map.of("verificationDecision", string(VerificationDecision.APPROVE.name()),
        "identityVerified", bool(true), "resetRequestedAt", Map.of("value", "2020-01-01T00:00:00.000+0000", "type", "Date")))
        .field()).isEqualTo("resetRequestedAt");
    assertThat(ams.resetCount(DemoPeople.ANI.nik())).isEqualTo(resets);

    Answer approved = complete(vera, door, task, Map.of("verificationDecision", string(VerificationDecision.APPROVE.name()),
        "identityVerified", bool(true)));
    assertThat(approved.status()).isEqualTo(204);
    run.runJobs();
    assertThat(ams.resetCount(DemoPeople.ANI.nik())).isEqualTo(resets + 1);

    String checked = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(run.id()).variableName("verifiedRequest").singleResult().getValue();
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Letters.PDF));
    assertThat(checked).contains("Ani Lestari", "NIK ************" + DemoPeople.ANI.nik().substring(12), sha256)
        .doesNotContain(DemoPeople.ANI.nik());
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void stepsThreeAndFourTakeOnlyTheApplicantsConfirmationsAndWhatWasCheckedStays(Door door) {
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.now()).submitAfter(Duration.ZERO)
        .approve(DemoPeople.VERA, Duration.ZERO, Duration.ZERO);
    EngineApi ani = door.as(port, "ani");
    String confirm = run.taskId(TASK_CONFIRM_LINK_RECEIVED);

    for (Map.Entry<String, Object> hostile : Map.<String, Object>of(
        "linkResendCount", Map.of("value", 0, "type", "Integer"),
        "nik", string(DemoPeople.BUDI.nik()),
        "officialEmail", string(DemoPeople.BUDI.email()),
        "applicantName", string("Budi Santoso"),
        "statementLetter", file("lain.pdf", "application/pdf", Letters.PDF)).entrySet()) {
      Answer refused = complete(ani, door, confirm, Map.of("linkStatus", string(LinkStatus.NOT_RECEIVED.name()),
          hostile.getKey(), hostile.getValue()));
      assertThat(refused.status()).as(hostile.getKey()).isEqualTo(400);
      assertThat(refused.field()).as(hostile.getKey()).isEqualTo(hostile.getKey());
    }
    assertThat(complete(ani, door, confirm, Map.of("linkStatus", string("SENT"))).field()).isEqualTo("linkStatus");
    assertThat(engine.getRuntimeService().getVariable(run.id(), "nik")).isEqualTo(DemoPeople.ANI.nik());
    assertThat(engine.getRuntimeService().getVariable(run.id(), "linkResendCount")).isEqualTo(0);

    assertThat(complete(ani, door, confirm, Map.of("linkStatus", string(LinkStatus.RECEIVED.name()))).status()).isEqualTo(204);
    String activation = run.taskId(TASK_SET_NEW_PASSPHRASE);
    Map<String, Object> done = Map.of("activationDoneInAms", bool(true), "agreementAccepted", bool(true));
    for (String hostile : List.of("resetRequestedAt", "certificateIssued", "certificateStatus")) {
      Map<String, Object> form = new LinkedHashMap<>(done);
      form.put(hostile, hostile.equals("certificateIssued") ? bool(true) : string("ISSUE"));
      assertThat(complete(ani, door, activation, form).field()).as(hostile).isEqualTo(hostile);
    }
    assertThat(complete(ani, door, activation, Map.of("activationDoneInAms", bool(true))).field())
        .isEqualTo("agreementAccepted");

    run.useNewestLink();
    assertThat(complete(ani, door, activation, done).status()).isEqualTo(204);
    run.runJobs();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(run.id())
        .singleResult().getEndActivityId()).isEqualTo("EndEvent_CertificateIssued");
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aVariableUpdateOnATaskIsRefused(Door door) {
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.now());
    String task = run.taskId(TASK_SUBMIT_REQUEST);
    EngineApi ani = door.as(port, "ani");

    Answer notOnTheForm = ani.call("PUT", "/task/" + task + "/variables/verificationDecision", string(VerificationDecision.APPROVE.name()));
    assertThat(notOnTheForm.status()).isEqualTo(400);
    assertThat(notOnTheForm.field()).isEqualTo("verificationDecision");
    Answer local = ani.call("PUT", "/task/" + task + "/localVariables/slaTask", Map.of("value", "Task_SubmitRequest", "type", "String"));
    assertThat(local.field()).isEqualTo("slaTask");
    Answer modification = ani.call("POST", "/task/" + task + "/variables",
        Map.of("modifications", Map.of("linkResendCount", Map.of("value", 0, "type", "Integer"))));
    assertThat(modification.field()).isEqualTo("linkResendCount");
    // the form's own fields are set by completing the form, not one by one
    assertThat(ani.call("PUT", "/task/" + task + "/variables/agency", string("Diubah")).status()).isEqualTo(403);
    assertThat(engine.getRuntimeService().getVariables(run.id()))
        .doesNotContainKeys("verificationDecision", "slaTask", "linkResendCount", "agency");

    assertThat(complete(ani, door, task, RestVariables.submissionOf(DemoPeople.ANI)).status()).isEqualTo(204);
  }

  // --- only the process moves the process; read-only means read-only -----------------------------

  @ParameterizedTest
  @EnumSource(Door.class)
  void onlyTheAdministratorMovesARequestOrReadsTheEnginesInternals(Door door) {
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.now()).submitAfter(Duration.ZERO);
    String task = run.taskId(TASK_VERIFY_REQUEST);
    String timer = engine.getManagementService().createJobQuery().processInstanceId(run.id()).timers().list().get(0).getId();
    Map<String, Object> modification = Map.of("instructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", "EndEvent_CertificateIssued")));

    for (String user : List.of("ani", "vera", "hendra", "rina")) {
      EngineApi caller = door.as(port, user);
      Map<String, Answer> answers = new LinkedHashMap<>();
      answers.put("modify the request", caller.call("POST", "/process-instance/" + run.id() + "/modification", modification));
      answers.put("signal", caller.call("POST", "/signal", Map.of("name", "SLA")));
      answers.put("message", caller.call("POST", "/message", Map.of("messageName", "x", "processInstanceId", run.id())));
      answers.put("job retries", caller.call("PUT", "/job/" + timer + "/retries", Map.of("retries", 0)));
      answers.put("job due date", caller.call("PUT", "/job/" + timer + "/duedate", Map.of("duedate", "2020-01-01T00:00:00.000+0000")));
      answers.put("execute the timer", caller.call("POST", "/job/" + timer + "/execute", null));
      answers.put("change a variable", caller.call("PUT", "/process-instance/" + run.id() + "/variables/agency", string("x")));
      answers.put("delete", caller.call("DELETE", "/process-instance/" + run.id(), null));
      answers.put("suspend", caller.call("PUT", "/process-instance/" + run.id() + "/suspended", Map.of("suspended", true)));
      answers.put("BPMN error on the task", caller.call("POST", "/task/" + task + "/bpmnError", Map.of("errorCode", "AMS_REFUSED")));
      answers.put("escalation on the task", caller.call("POST", "/task/" + task + "/bpmnEscalation",
          Map.of("escalationCode", "SLA_Task_VerifyRequest")));
      answers.put("metrics", caller.call("GET", "/metrics/activity-instance-start/sum", null));
      answers.put("schema log", caller.call("GET", "/schema/log?maxResults=15", null));
      answers.put("telemetry", caller.call("GET", "/telemetry/data", null));
      answers.forEach((call, answer) -> assertThat(answer.status()).as(user + ": " + call).isEqualTo(403));
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isOne();
    assertThat(engine.getManagementService().createJobQuery().jobId(timer).singleResult().getRetries()).isPositive();
    assertThat(engine.getRuntimeService().getVariable(run.id(), "agency")).isNotEqualTo("x");

    EngineApi admin = door.as(port, "admin");
    assertThat(admin.call("GET", "/metrics/activity-instance-start/sum", null).status()).isEqualTo(200);
    assertThat(admin.call("GET", "/schema/log?maxResults=15", null).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aClaimedTaskIsCompletedByWhoeverClaimedItAlone(Door door) {
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.now()).submitAfter(Duration.ZERO);
    String task = run.taskId(TASK_VERIFY_REQUEST);
    EngineApi vera = door.as(port, "vera");
    EngineApi vino = door.as(port, SECOND_VERIFIER);
    Map<String, Object> reject = Map.of("verificationDecision", string(VerificationDecision.REJECT.name()), "rejectionReason", string("Tidak jelas."));

    assertThat(vera.call("POST", "/task/" + task + "/claim", Map.of("userId", SECOND_VERIFIER)).status()).isEqualTo(403);
    assertThat(vera.call("POST", "/task/" + task + "/claim", Map.of("userId", "vera")).status()).isEqualTo(204);
    assertThat(vino.call("POST", "/task/" + task + "/claim", Map.of("userId", SECOND_VERIFIER)).status()).isEqualTo(409);
    assertThat(complete(vino, door, task, reject).status()).isEqualTo(403);
    assertThat(vino.call("POST", "/task/" + task + "/unclaim", null).status()).isEqualTo(403);
    assertThat(vino.call("POST", "/task/" + task + "/assignee", Map.of("userId", SECOND_VERIFIER)).status()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("vera");

    assertThat(vera.call("POST", "/task/" + task + "/unclaim", null).status()).isEqualTo(204);
    assertThat(vino.call("POST", "/task/" + task + "/claim", Map.of("userId", SECOND_VERIFIER)).status()).isEqualTo(204);
    assertThat(complete(vino, door, task, reject).status()).isEqualTo(204);
    Answer again = complete(vino, door, task, reject);
    assertThat(again.status()).isEqualTo(404);
    assertThat(vino.call("POST", "/task/" + task + "/claim", Map.of("userId", SECOND_VERIFIER)).status()).isEqualTo(404);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aVerifierDoesNotVerifyTheirOwnRequest(Door door) {
    SopRun run = SopRun.openedAt(engine, ams, VERIFYING_APPLICANT, Instant.now()).submitAfter(Duration.ZERO);
    String task = run.taskId(TASK_VERIFY_REQUEST);
    EngineApi vani = door.as(port, VERIFYING_APPLICANT.userId());
    Map<String, Object> approve = Map.of("verificationDecision", string(VerificationDecision.APPROVE.name()),
        "identityVerified", bool(true));
    long resets = ams.resetCount(VERIFYING_APPLICANT.nik());

    Answer claim = vani.call("POST", "/task/" + task + "/claim", Map.of("userId", VERIFYING_APPLICANT.userId()));
    assertThat(claim.status()).isEqualTo(403);
    assertThat(claim.json().get("message").asText()).contains("Permohonan Anda sendiri");
    assertThat(complete(vani, door, task, approve).status()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    run.runJobs();
    assertThat(ams.resetCount(VERIFYING_APPLICANT.nik())).isEqualTo(resets);

    // another verifier decides it; Vani still verifies the requests of others
    EngineApi vera = door.as(port, "vera");
    assertThat(vera.call("POST", "/task/" + task + "/claim", Map.of("userId", "vera")).status()).isEqualTo(204);
    assertThat(complete(vera, door, task, approve).status()).isEqualTo(204);
    run.runJobs();
    assertThat(ams.resetCount(VERIFYING_APPLICANT.nik())).isEqualTo(resets + 1);
    String anis = SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.now()).submitAfter(Duration.ZERO).taskId(TASK_VERIFY_REQUEST);
    assertThat(vani.call("POST", "/task/" + anis + "/claim", Map.of("userId", VERIFYING_APPLICANT.userId())).status()).isEqualTo(204);
    assertThat(complete(vani, door, anis, Map.of("verificationDecision", string(VerificationDecision.REJECT.name()),
        "rejectionReason", string("Tanda tangan tidak terbaca."))).status()).isEqualTo(204);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void theReadOnlyRolesCommentAttachAndDeleteNothing(Door door) {
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.now()).submitAfter(Duration.ZERO);
    String task = run.taskId(TASK_VERIFY_REQUEST);
    EngineApi admin = door.as(port, "admin");
    // attachments are made through /engine-rest: the webapps take no multipart uploads at all
    Answer attached = EngineApi.basic(port, "admin").form("/task/" + task + "/attachment/create",
        Map.of("attachment-name", "catatan", "attachment-type", "text/plain", "url", "https://kapuaskab.go.id"));
    assertThat(attached.status()).isEqualTo(200);
    String attachment = attached.json().get("id").asText();

    for (String user : List.of("hendra", "rina", "vera", "ani")) {
      EngineApi caller = door.as(port, user);
      // the REST API itself answers 400 to those who may not read the task's history (vera, ani)
      int refused = user.equals("hendra") || user.equals("rina") ? 403 : 400;
      assertThat(caller.call("POST", "/task/" + task + "/comment/create", Map.of("message", "komentar")).status())
          .as(user + ": comment").isEqualTo(refused);
      if (door == Door.ENGINE_REST) {
        assertThat(caller.form("/task/" + task + "/attachment/create",
            Map.of("attachment-name", "x", "url", "https://example.com")).status()).as(user + ": attach").isEqualTo(refused);
      }
      assertThat(caller.call("DELETE", "/task/" + task + "/attachment/" + attachment, null).status())
          .as(user + ": delete the attachment").isEqualTo(403);
    }
    assertThat(engine.getTaskService().getTaskAttachments(task)).extracting(a -> a.getId()).containsExactly(attachment);
    assertThat(engine.getTaskService().getTaskComments(task)).isEmpty();
    assertThat(admin.call("POST", "/task/" + task + "/comment/create", Map.of("message", "dicek admin")).status())
        .isEqualTo(200);
  }

  // --- helpers ------------------------------------------------------------------------------------

  /** Tasklist submits forms through submit-form; other clients complete: both are tried, one per door. */
  private static Answer complete(EngineApi caller, Door door, String task, Map<String, Object> variables) {
    String endpoint = door == Door.WEBAPP_SESSION ? "/submit-form" : "/complete";
    return caller.call("POST", "/task/" + task + endpoint, Map.of("variables", variables));
  }

  private long requestsOf(String userId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .startedBy(userId).count();
  }
}
