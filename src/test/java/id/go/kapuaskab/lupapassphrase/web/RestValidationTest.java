package id.go.kapuaskab.lupapassphrase.web;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static id.go.kapuaskab.lupapassphrase.support.RestVariables.file;
import static id.go.kapuaskab.lupapassphrase.support.RestVariables.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.process.VerificationDecision;
import id.go.kapuaskab.lupapassphrase.support.Letters;
import id.go.kapuaskab.lupapassphrase.support.RestVariables;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Bad input through the REST API is refused with a 400 naming the field, and nothing is lost. */
class RestValidationTest extends IntegrationTest {

  @Autowired
  private TestRestTemplate http;

  private TestRestTemplate ani;

  @BeforeEach
  void logIn() {
    ani = http.withBasicAuth("ani", "demo");
  }

  static Stream<Arguments> badSubmissions() {
    return Stream.of(
        Arguments.of("nik", (Consumer<Map<String, Object>>) form -> form.put("nik", string("620301450790001"))),
        Arguments.of("nip", (Consumer<Map<String, Object>>) form -> form.put("nip", string("1990070520150320"))),
        Arguments.of("officialEmail", (Consumer<Map<String, Object>>) form -> form.put("officialEmail", string("ani@gmail.com"))),
        Arguments.of("agency", (Consumer<Map<String, Object>>) form -> form.remove("agency")),
        Arguments.of("applicantName", (Consumer<Map<String, Object>>) form -> form.put("applicantName", Map.of("value", 42, "type", "Integer"))),
        Arguments.of("statementLetter", (Consumer<Map<String, Object>>) form -> form.put("statementLetter",
            file("surat.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK\u0003\u0004".getBytes()))),
        Arguments.of("statementLetter", (Consumer<Map<String, Object>>) form -> form.put("statementLetter",
            file("besar.pdf", "application/pdf", Letters.oversizedPdfBytes()))),
        Arguments.of("passphrase", (Consumer<Map<String, Object>>) form -> form.put("passphrase", string("Rahasia123"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSubmissions")
  void completingStepOneWithBadInputIsRefusedAndTheTaskStaysOpen(String field, Consumer<Map<String, Object>> spoil) {
    String instanceId = startRequest(Map.of()).get("id").asText();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    Map<String, Object> form = RestVariables.submissionOf(DemoPeople.ANI);
    spoil.accept(form);

    ResponseEntity<JsonNode> response = ani.postForEntity("/engine-rest/task/{id}/complete",
        Map.of("variables", form), JsonNode.class, task.getId());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("field").asText()).isEqualTo(field);
    assertThat(response.getBody().get("message").asText()).startsWith(field + ": ");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult()).isNotNull();
    assertThat(engine.getRuntimeService().getVariables(instanceId)).doesNotContainKeys("nik", "passphrase");
  }

  @Test
  void aValidSubmissionGoesToTheVerifier() {
    String instanceId = startRequest(Map.of()).get("id").asText();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();

    ResponseEntity<String> response = ani.postForEntity("/engine-rest/task/{id}/complete",
        Map.of("variables", RestVariables.submissionOf(DemoPeople.ANI)), String.class, task.getId());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult()
        .getTaskDefinitionKey()).isEqualTo(TASK_VERIFY_REQUEST);
  }

  @Test
  void markupInATextFieldIsKeptAsPlainText() {
    String instanceId = startRequest(Map.of()).get("id").asText();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    Map<String, Object> form = RestVariables.submissionOf(DemoPeople.ANI);
    String markup = "<script>alert('x')</script><b>Dinas</b>";
    form.put("agency", string(markup));

    ResponseEntity<String> response = ani.postForEntity("/engine-rest/task/{id}/complete",
        Map.of("variables", form), String.class, task.getId());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(engine.getRuntimeService().getVariable(instanceId, "agency")).isEqualTo(markup);
  }

  @Test
  void aRejectedCorrectionKeepsWhatWasSavedBefore() {
    String instanceId = startRequest(Map.of()).get("id").asText();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    engine.getTaskService().setVariable(task.getId(), "agency", "Sekretariat Daerah");
    Map<String, Object> form = RestVariables.submissionOf(DemoPeople.ANI);
    form.remove("agency");
    form.put("nik", string("123"));

    ResponseEntity<JsonNode> response = ani.postForEntity("/engine-rest/task/{id}/complete",
        Map.of("variables", form), JsonNode.class, task.getId());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(engine.getRuntimeService().getVariables(instanceId))
        .containsEntry("agency", "Sekretariat Daerah").doesNotContainKey("nik");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult()
        .getTaskDefinitionKey()).isEqualTo(TASK_SUBMIT_REQUEST);
  }

  @Test
  void aStartCarriesNothingButTheStartFormAndStartsNothingWhenRefused() {
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();

    assertRefused(Map.of("nik", string(DemoPeople.ANI.nik())), "nik");
    assertRefused(Map.of("applicant", string("budi")), "applicant");
    assertRefused(Map.of("verificationDecision", string(VerificationDecision.APPROVE.name())), "verificationDecision");

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void theServerNumbersTheRequest() {
    JsonNode started = startRequest(Map.of());

    assertThat(started.get("businessKey").asText()).matches("LP-\\d{8}-[A-Z2-9]{6}");
  }

  @Test
  void anonymousCallsAreRefused() {
    ResponseEntity<String> response = http.postForEntity(
        "/engine-rest/process-definition/key/{key}/start", Map.of(), String.class, PROCESS_KEY);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private void assertRefused(Map<String, Object> variables, String field) {
    ResponseEntity<JsonNode> response = ani.postForEntity("/engine-rest/process-definition/key/{key}/start",
        Map.of("variables", variables), JsonNode.class, PROCESS_KEY);
    assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("field").asText()).isEqualTo(field);
  }

  private JsonNode startRequest(Map<String, Object> variables) {
    ResponseEntity<JsonNode> response = ani.postForEntity("/engine-rest/process-definition/key/{key}/start",
        Map.of("variables", variables), JsonNode.class, PROCESS_KEY);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }
}
