package id.go.kapuaskab.lupapassphrase.security;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_CHECK_CERTIFICATE_STATUS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_CONFIRM_LINK_RECEIVED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_RESET_PASSPHRASE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SET_NEW_PASSPHRASE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.ACTIVATION_DONE_IN_AMS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.AGREEMENT_ACCEPTED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.IDENTITY_VERIFIED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.LINK_STATUS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.VERIFICATION_DECISION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.process.LinkStatus;
import id.go.kapuaskab.lupapassphrase.process.VerificationDecision;
import id.go.kapuaskab.lupapassphrase.request.RequestRules;
import id.go.kapuaskab.lupapassphrase.support.RequestFixtures;
import id.go.kapuaskab.sandboxams.SandboxMail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The zero-credential rule, checked on a whole SOP run: the holder's new passphrase, typed in AMS,
 * appears in no variable (runtime or history), no log line, and no form or diagram names a field
 * for a passphrase, password, PIN or OTP.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZeroCredentialTest extends IntegrationTest {

  private static final String PASSPHRASE = "Rahasia-Kapuas-77";
  /** Where forms and the diagram name a variable: form fields, form keys, variable attributes. */
  private static final Pattern FIELD_NAMES = Pattern.compile(String.join("|",
      "cam-variable-name=\"([^\"]+)\"",
      "<(?:input|textarea|select)[^>]*\\sname=\"([^\"]+)\"",
      "\"key\"\\s*:\\s*\"([^\"]+)\"",
      "camunda:(?:initiator|\\w+Variable|collection)=\"([^\"]+)\"",
      "camunda:(?:input|output)Parameter name=\"([^\"]+)\""));

  @Autowired
  private RequestRules rules;

  @Test
  void aWholeRunLeavesTheHoldersPassphraseNowhere(CapturedOutput output) {
    RequestFixtures fixtures = new RequestFixtures(engine);
    ProcessInstance request = fixtures.waitingForVerifier(DemoPeople.BUDI);
    complete(fixtures, request, TASK_VERIFY_REQUEST, Map.of(VERIFICATION_DECISION, VerificationDecision.APPROVE.name(), IDENTITY_VERIFIED, true));
    runJob(request, TASK_RESET_PASSPHRASE);
    complete(fixtures, request, TASK_CONFIRM_LINK_RECEIVED, Map.of(LINK_STATUS, LinkStatus.RECEIVED.name()));
    List<SandboxMail> mails = ams.outbox().stream().filter(m -> m.to().equals(DemoPeople.BUDI.email())).toList();
    String link = mails.get(mails.size() - 1).link();
    assertThat(ams.setNewPassphrase(link.substring(link.lastIndexOf('/') + 1), PASSPHRASE, PASSPHRASE)).isEmpty();
    assertThat(engine.getRuntimeService().getVariables(request.getId()).values()).doesNotContain(PASSPHRASE);
    complete(fixtures, request, TASK_SET_NEW_PASSPHRASE, Map.of(ACTIVATION_DONE_IN_AMS, true, AGREEMENT_ACCEPTED, true));
    runJob(request, TASK_CHECK_CERTIFICATE_STATUS);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(request.getId()).count()).isZero();

    List<HistoricVariableInstance> variables = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(request.getId()).list();
    assertThat(variables).isNotEmpty();
    assertThatCode(() -> rules.refuseCredentials(variables.stream().map(HistoricVariableInstance::getName)
        .collect(java.util.stream.Collectors.toSet()))).doesNotThrowAnyException();
    assertThat(variables).extracting(HistoricVariableInstance::getValue).doesNotContain(PASSPHRASE);
    List<HistoricDetail> updates = engine.getHistoryService().createHistoricDetailQuery()
        .processInstanceId(request.getId()).variableUpdates().list();
    assertThat(updates).extracting(update -> ((HistoricVariableUpdate) update).getValue()).doesNotContain(PASSPHRASE);
    assertThat(output.getAll()).contains("certificate of holder").doesNotContain(PASSPHRASE);
  }

  @Test
  void noFormAndNoDiagramNamesAFieldForACredential() throws IOException {
    Set<String> names = new HashSet<>();
    try (Stream<Path> files = Stream.concat(Files.list(Path.of("forms")), Files.list(Path.of("bpmn")))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String content = Files.readString(file);
        assertThat(content).as(file.toString()).doesNotContainIgnoringCase("type=\"password\"");
        Matcher matcher = FIELD_NAMES.matcher(content);
        while (matcher.find()) {
          for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
              names.add(matcher.group(group));
            }
          }
        }
      }
    }
    assertThat(names).contains("nik", "officialEmail", "linkStatus", "activationDoneInAms", "applicant", "notice");
    assertThatCode(() -> rules.refuseCredentials(names)).doesNotThrowAnyException();
  }

  private void complete(RequestFixtures fixtures, ProcessInstance request, String taskId, Map<String, Object> variables) {
    engine.getTaskService().complete(fixtures.task(request, taskId).getId(), variables);
  }

  private void runJob(ProcessInstance request, String activityId) {
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(request.getId()).activityId(activityId).singleResult().getId());
  }
}
