package id.go.kapuaskab.lupapassphrase.deployment;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.audit.Outcome;
import id.go.kapuaskab.lupapassphrase.audit.RequestRow;
import id.go.kapuaskab.lupapassphrase.audit.SopHistory;
import id.go.kapuaskab.lupapassphrase.audit.SopVersion;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.process.ProcessIds;
import id.go.kapuaskab.lupapassphrase.support.EngineApi;
import id.go.kapuaskab.lupapassphrase.support.EngineApi.Answer;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import id.go.kapuaskab.lupapassphrase.support.Users;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The process owner's road from Camunda Modeler to the service, over real HTTP as the Modeler deploys
 * (a multipart {@code POST /deployment/create} with {@code deployment-name}, {@code deployment-source:
 * Camunda Modeler}, {@code deploy-changed-only} and the files by their own names): what passes goes live
 * for new requests with every form it needs; what would break the service is refused with 400 naming
 * file, element and rule, and nothing is deployed; only the process owner (and the administrator) deploys.
 */
class ModelerDeploymentTest extends IntegrationTest {

  private static final String DIAGRAM = "lupa-passphrase.bpmn";
  private static final String STEP_2_TIMER = "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">PT5M<";

  private ProcessDefinition before;

  @BeforeEach
  void rememberTheLatestVersion() {
    before = latest();
  }

  @AfterEach
  void removeWhatWasDeployed() {
    engine.getIdentityService().clearAuthentication();
    RepositoryService repository = engine.getRepositoryService();
    repository.createDeploymentQuery().deploymentSource("Camunda Modeler").listPage(0, 100)
        .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
    assertThat(latest().getId()).isEqualTo(before.getId());
  }

  @Test
  void theDiagramAloneTakesTheFormsOfTheVersionItReplacesAndARequestRunsThroughIt() throws IOException {
    Answer answer = deploy("putu", Map.of(DIAGRAM, diagram().replaceFirst(STEP_2_TIMER, STEP_2_TIMER.replace("PT5M", "PT6M"))));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    ProcessDefinition version = latest();
    assertThat(version.getVersion()).isEqualTo(before.getVersion() + 1);
    assertThat(engine.getRepositoryService().getDeploymentResourceNames(version.getDeploymentId()))
        .containsExactlyInAnyOrderElementsOf(Stream.concat(Stream.of(DIAGRAM), formFiles().keySet().stream()
            .map(name -> "forms/" + name)).toList());
    // who deployed it and when: the engine's operation log, which the auditor reads
    UserOperationLogEntry entry = engine.getHistoryService().createUserOperationLogQuery()
        .deploymentId(version.getDeploymentId()).operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
        .list().get(0);
    assertThat(entry.getUserId()).isEqualTo("putu");

    // the applicant's step 1 opens its form from the new version, over REST as Tasklist asks for it
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.parse("2031-10-01T01:00:00Z"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(run.id()).singleResult()
        .getProcessDefinitionId()).isEqualTo(version.getId());
    Answer form = EngineApi.basic(port, "ani").call("GET", "/task/" + run.taskId(ProcessIds.TASK_SUBMIT_REQUEST)
        + "/deployed-form", null);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("cam-variable-name=\"nik\"");

    run.submitAfter(ofMinutes(1)).approve(DemoPeople.VERA, ofMinutes(1), ofMinutes(1)).confirmLinkAfter(ofMinutes(1))
        .setNewPassphraseAfter(ofMinutes(2));
    // the auditor reads which version the request ran on, and who deployed that version, and when
    Users.authenticate(engine, DemoPeople.RINA.userId());
    SopHistory history = SopHistory.asCaller(engine);
    RequestRow request = history.record(run.id()).orElseThrow().request();
    assertThat(request.outcome()).isEqualTo(Outcome.DITERBITKAN);
    assertThat(request.version()).isEqualTo(version.getVersion());
    assertThat(history.versions().get(0)).extracting(SopVersion::version, SopVersion::deployedBy, SopVersion::source)
        .containsExactly(version.getVersion(), "putu", "Camunda Modeler");
  }

  @Test
  void theDiagramWithItsFormsAttachedAsTheModelerNamesThemGoesLive() throws IOException {
    Map<String, String> files = new LinkedHashMap<>(formFiles());
    files.put("set-new-passphrase.form", files.get("set-new-passphrase.form")
        .replace("Saya sudah membuat passphrase baru di AMS", "Passphrase baru sudah saya buat di AMS"));
    files.put(DIAGRAM, diagram());

    Answer answer = deploy("putu", files);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    String deployment = latest().getDeploymentId();
    assertThat(engine.getRepositoryService().getDeploymentResourceNames(deployment))
        .contains("forms/submit-request.html", "forms/set-new-passphrase.form").hasSize(files.size());
    // the Modeler's next click with nothing changed deploys nothing new
    assertThat(deploy("putu", Map.of(DIAGRAM, diagram())).json().get("id").asText()).isEqualTo(deployment);
  }

  @Test
  void formsAloneGoLiveWithTheDiagramOfTheVersionTheyReplace() throws IOException {
    Answer answer = deploy("putu", Map.of("review-ams-refusal.form", formFiles().get("review-ams-refusal.form")
        .replace("Catatan untuk pemohon", "Catatan verifikator untuk pemohon")));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(latest().getVersion()).isEqualTo(before.getVersion() + 1);
    assertThat(engine.getRepositoryService().getDeploymentResourceNames(latest().getDeploymentId()))
        .contains("bpmn/lupa-passphrase.bpmn", "forms/review-ams-refusal.form", "forms/submit-request.html");
  }

  @Test
  void aBrokenTimerIsRefusedNamingFileElementAndRule() throws IOException {
    assertRefused(Map.of(DIAGRAM, diagram().replaceFirst(STEP_2_TIMER, STEP_2_TIMER.replace("PT5M", "PT5 menit"))),
        "lupa-passphrase.bpmn, elemen " + ProcessIds.TIMER_VERIFY_REQUEST_SLA + ": waktu timer tidak dapat dibaca");
  }

  @Test
  void aFormFieldTheServerDoesNotTakeIsRefused() throws IOException {
    String form = formFiles().get("confirm-link-received.form").replace("\"components\": [", """
        "components": [
            { "id": "Field_Extra", "key": "catatanPemohon", "type": "textfield", "label": "Catatan" },""");

    assertRefused(Map.of(DIAGRAM, diagram(), "confirm-link-received.form", form),
        "forms/confirm-link-received.form, elemen " + ProcessIds.TASK_CONFIRM_LINK_RECEIVED
            + ": formulir mengirim isian 'catatanPemohon', yang tidak diterima server");
  }

  @Test
  void aBeanTheDiagramMayNotReachIsRefused() throws IOException {
    assertRefused(Map.of(DIAGRAM, diagram().replace("camunda:delegateExpression=\"${notifySupervisor}\"",
            "camunda:delegateExpression=\"${environment}\"")),
        "elemen " + ProcessIds.TASK_NOTIFY_SUPERVISOR + ": ekspresi menyebut 'environment', yang bukan bean");
    assertRefused(Map.of(DIAGRAM, diagram().replace("${linkResendCount &lt; 3}",
            "${dataSource.connection != null}")),
        "ekspresi menyebut 'dataSource'");
  }

  @Test
  void anSopStepWithoutItsStandardTimeAndAnAmsCallWithoutItsRetryCycleAreRefused() throws IOException {
    String withoutTimer = diagram().replaceFirst("(<bpmn:userTask id=\"" + ProcessIds.TASK_REVIEW_AMS_REFUSAL
        + "\"[^>]*>\\s*<bpmn:extensionElements>)", "$1<camunda:properties><camunda:property name=\"langkahSop\" "
        + "value=\"5\" /></camunda:properties>");
    assertThat(withoutTimer).isNotEqualTo(diagram());
    assertRefused(Map.of(DIAGRAM, withoutTimer),
        "elemen " + ProcessIds.TASK_REVIEW_AMS_REFUSAL + ": langkah SOP 5 tanpa waktu baku");

    String withoutRetry = diagram().replaceFirst("<camunda:failedJobRetryTimeCycle>\\$\\{amsRetry.timeCycle}"
        + "</camunda:failedJobRetryTimeCycle>", "");
    assertRefused(Map.of(DIAGRAM, withoutRetry), "panggilan AMS harus memakai Retry time cycle");
  }

  @Test
  void whatTheModelersLintCallsAnErrorIsRefusedAndAWarningGoesThrough() throws IOException {
    assertRefused(Map.of(DIAGRAM, diagram().replace("<bpmn:userTask id=\"" + ProcessIds.TASK_VERIFY_REQUEST
            + "\" name=\"Periksa surat pernyataan dan identitas (langkah 2)\"", "<bpmn:userTask id=\""
            + ProcessIds.TASK_VERIFY_REQUEST + "\"")),
        "lupa-passphrase.bpmn, elemen " + ProcessIds.TASK_VERIFY_REQUEST
            + ": aturan lint Modeler label-required: elemen tanpa nama/label");

    // a label on a flow without a condition: the Modeler warns (superfluous-label) and deploys, and so does the server
    String labelled = diagram().replace("<bpmn:sequenceFlow id=\"SequenceFlow_LinkResent\"",
        "<bpmn:sequenceFlow id=\"SequenceFlow_LinkResent\" name=\"kembali\"");
    assertThat(labelled).isNotEqualTo(diagram());
    Answer answer = deploy("putu", Map.of(DIAGRAM, labelled));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(latest().getVersion()).isEqualTo(before.getVersion() + 1);
  }

  @Test
  void anActivationTimeOrATenantIsRefusedAndAnEmptyTenantFieldIsNot() throws IOException {
    Map<String, String> changed = Map.of(DIAGRAM, diagram().replaceFirst(STEP_2_TIMER, STEP_2_TIMER.replace("PT5M", "PT6M")));

    Answer later = deploy(EngineApi.basic(port, "putu"), changed, Map.of("deployment-activation-time",
        "2031-10-01T08:00:00.000+0700"));
    assertThat(later.status()).as(later.body()).isEqualTo(400);
    assertThat(later.json().get("message").asText()).startsWith("Deployment ditolak")
        .contains("waktu aktivasi (deployment-activation-time) tidak dipakai");
    Answer tenant = deploy(EngineApi.basic(port, "admin"), changed, Map.of("tenant-id", "kapuas"));
    assertThat(tenant.status()).as(tenant.body()).isEqualTo(400);
    assertThat(tenant.json().get("message").asText()).contains("tidak memakai tenant (tenant-id 'kapuas')");
    assertThat(latest().getId()).isEqualTo(before.getId());

    Answer honest = deploy(EngineApi.basic(port, "putu"), changed, Map.of("tenant-id", ""));
    assertThat(honest.status()).as(honest.body()).isEqualTo(200);
    assertThat(latest().getVersion()).isEqualTo(before.getVersion() + 1);
    assertThat(latest().getTenantId()).isNull();
  }

  @Test
  void onlyTheProcessOwnerAndTheAdministratorDeployAndTheOwnerOnlyTheSop() throws IOException {
    assertThat(deploy("ani", Map.of(DIAGRAM, diagram())).status()).isEqualTo(403);
    assertThat(deploy("vera", Map.of(DIAGRAM, diagram())).status()).isEqualTo(403);

    Answer other = deploy("putu", Map.of("other.bpmn", diagram().replace("id=\"" + PROCESS_KEY + "\"", "id=\"other\"")));
    assertThat(other.status()).isEqualTo(400);
    assertThat(other.json().get("message").asText()).contains("other.bpmn: pemilik proses hanya boleh memasang");

    // the process owner reads what is deployed, and removes nothing
    EngineApi putu = EngineApi.basic(port, "putu");
    assertThat(putu.call("GET", "/deployment?maxResults=10", null).status()).isEqualTo(200);
    assertThat(putu.call("DELETE", "/deployment/" + before.getDeploymentId(), null).status()).isEqualTo(403);
    assertThat(latest().getId()).isEqualTo(before.getId());

    // the administrator deploys too, under the same checks
    assertThat(deploy("admin", Map.of(DIAGRAM, diagram().replaceFirst(STEP_2_TIMER, STEP_2_TIMER.replace("PT5M", "X"))))
        .status()).isEqualTo(400);
  }

  @Test
  void theSameHoldsThroughTheWebappsOwnApiAsCockpitDeploys() throws IOException {
    assertThat(deploy(EngineApi.Door.WEBAPP_SESSION.as(port, "ani"), Map.of(DIAGRAM, diagram())).status()).isEqualTo(403);
    EngineApi putu = EngineApi.Door.WEBAPP_SESSION.as(port, "putu");
    Answer broken = deploy(putu, Map.of(DIAGRAM, diagram().replaceFirst(STEP_2_TIMER, STEP_2_TIMER.replace("PT5M", "X"))));
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().get("message").asText()).contains("elemen " + ProcessIds.TIMER_VERIFY_REQUEST_SLA);

    assertThat(deploy(putu, Map.of("set-new-passphrase.form", formFiles().get("set-new-passphrase.form")
        .replace("Saya sudah membuat passphrase baru di AMS", "Passphrase baru sudah saya buat di AMS"))).status())
        .isEqualTo(200);
    assertThat(latest().getVersion()).isEqualTo(before.getVersion() + 1);
  }

  private void assertRefused(Map<String, String> files, String reason) {
    Answer answer = deploy("putu", files);

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().get("message").asText()).startsWith("Deployment ditolak").contains(reason);
    assertThat(latest().getId()).isEqualTo(before.getId());
  }

  private Answer deploy(String userId, Map<String, String> files) {
    return deploy(EngineApi.basic(port, userId), files);
  }

  private static Answer deploy(EngineApi api, Map<String, String> files) {
    return deploy(api, files, Map.of());
  }

  /** The Modeler's deploy call: its three fields and any more it is given, then each file as a part named after the file. */
  private static Answer deploy(EngineApi api, Map<String, String> files, Map<String, String> moreFields) {
    String boundary = "----modeler-" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    Map<String, String> fields = new LinkedHashMap<>(Map.of("deployment-name", PROCESS_KEY, "deployment-source",
        "Camunda Modeler", "deploy-changed-only", "true"));
    fields.putAll(moreFields);
    fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
    files.forEach((name, content) -> body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append("\"; filename=\"").append(name)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return api.send("POST", "/deployment/create", "multipart/form-data; boundary=" + boundary,
        body.toString());
  }

  private static String diagram() throws IOException {
    return Files.readString(Path.of("bpmn", DIAGRAM));
  }

  /** The files of forms/ by file name, as the Modeler attaches them. */
  private static Map<String, String> formFiles() throws IOException {
    Map<String, String> forms = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.sorted().toList()) {
        forms.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    return forms;
  }

  private ProcessDefinition latest() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .latestVersion().singleResult();
  }
}
