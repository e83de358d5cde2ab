package id.go.kapuaskab.lupapassphrase.process;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_CONFIRM_LINK_RECEIVED;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.audit.RequestRecord;
import id.go.kapuaskab.lupapassphrase.audit.RequestRecord.Decision;
import id.go.kapuaskab.lupapassphrase.audit.SopHistory;
import id.go.kapuaskab.lupapassphrase.audit.StepRun;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.deployment.ProcessDeployer;
import id.go.kapuaskab.lupapassphrase.support.EngineApi;
import id.go.kapuaskab.lupapassphrase.support.EngineApi.Answer;
import id.go.kapuaskab.lupapassphrase.support.RestVariables;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import id.go.kapuaskab.lupapassphrase.support.Users;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Adding a step is the diagram, its form and one declaration in Java. A countersigning step by the
 * head of division is drawn into a copy of the diagram after the verifier's approval (SOP step 3; the
 * link and the new passphrase become steps 4 and 5), with its form and {@link CountersignForm}, and
 * deployed as the newest version: the server takes exactly its fields, its group works it, its
 * overrun is recorded against it, and Riwayat SOP lists its run, its breach and its decision.
 */
class NewStepTest extends IntegrationTest {

  private static final Instant OPENED = Instant.parse("2031-09-01T01:00:00Z");

  /** The step as the process owner would draw it in Camunda Modeler: task, standard time, breach. */
  private static final String COUNTERSIGN = """
      <bpmn:userTask id="Task_CountersignRequest" name="Tandatangani persetujuan (langkah 3)"
                     camunda:candidateGroups="kepala-bidang"
                     camunda:formRef="countersign-request" camunda:formRefBinding="deployment">
        <bpmn:extensionElements>
          <camunda:properties>
            <camunda:property name="langkahSop" value="3" />
            <camunda:property name="aktivitasSop" value="Kepala bidang menandatangani persetujuan" />
            <camunda:property name="auditKeputusan" value="countersignDecision" />
            <camunda:property name="auditCatatan" value="countersignNote" />
          </camunda:properties>
        </bpmn:extensionElements>
        <bpmn:incoming>SequenceFlow_RequestApproved</bpmn:incoming>
        <bpmn:outgoing>SequenceFlow_Countersigned</bpmn:outgoing>
      </bpmn:userTask>
      <bpmn:sequenceFlow id="SequenceFlow_Countersigned" sourceRef="Task_CountersignRequest" targetRef="Task_ResetPassphrase" />
      <bpmn:boundaryEvent id="Timer_CountersignSla" name="5 menit" cancelActivity="false" attachedToRef="Task_CountersignRequest">
        <bpmn:outgoing>SequenceFlow_CountersignSlaBreached</bpmn:outgoing>
        <bpmn:timerEventDefinition>
          <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT5M</bpmn:timeDuration>
        </bpmn:timerEventDefinition>
      </bpmn:boundaryEvent>
      <bpmn:sequenceFlow id="SequenceFlow_CountersignSlaBreached" sourceRef="Timer_CountersignSla" targetRef="EndEvent_CountersignSlaBreached" />
      <bpmn:endEvent id="EndEvent_CountersignSlaBreached" name="Waktu baku langkah 3 terlampaui">
        <bpmn:incoming>SequenceFlow_CountersignSlaBreached</bpmn:incoming>
        <bpmn:escalationEventDefinition escalationRef="Escalation_CountersignSla" />
      </bpmn:endEvent>
    </bpmn:process>""";
  /** Where the Modeler draws the step: every element drawn, or its lint refuses the diagram (deployment/ModelerLint). */
  private static final String COUNTERSIGN_DRAWN = """
      <bpmndi:BPMNShape id="Task_CountersignRequest_di" bpmnElement="Task_CountersignRequest">
        <dc:Bounds x="2000" y="600" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Timer_CountersignSla_di" bpmnElement="Timer_CountersignSla">
        <dc:Bounds x="2032" y="662" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="EndEvent_CountersignSlaBreached_di" bpmnElement="EndEvent_CountersignSlaBreached">
        <dc:Bounds x="2032" y="740" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="SequenceFlow_Countersigned_di" bpmnElement="SequenceFlow_Countersigned">
        <di:waypoint x="2100" y="640" />
        <di:waypoint x="2150" y="640" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="SequenceFlow_CountersignSlaBreached_di" bpmnElement="SequenceFlow_CountersignSlaBreached">
        <di:waypoint x="2050" y="698" />
        <di:waypoint x="2050" y="740" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>""";

  @Test
  void aCountersigningStepRunsThroughTheRulesTheBreachesAndTheRecord() throws IOException {
    // a request opened on the version before keeps that version's steps
    SopRun older = SopRun.openedAt(engine, ams, DemoPeople.BUDI, OPENED.minus(ofMinutes(30))).submitAfter(ofMinutes(1));
    Deployment copy = deployWithCountersigning();
    try {
      older.approve(DemoPeople.VERA, ofSeconds(30), ofMinutes(1)).waitFor(ofMinutes(6));
      Users.authenticate(engine, DemoPeople.RINA.userId());
      RequestRecord olderRecord = SopHistory.asCaller(engine).record(older.id()).orElseThrow();
      engine.getIdentityService().clearAuthentication();
      assertThat(olderRecord.steps()).extracting(StepRun::step, StepRun::activityId).containsExactly(
          tuple(1, ProcessIds.TASK_SUBMIT_REQUEST), tuple(2, ProcessIds.TASK_VERIFY_REQUEST),
          tuple(3, TASK_CONFIRM_LINK_RECEIVED));
      assertThat(olderRecord.steps().get(2).breaches()).hasSize(1);

      SopRun run = SopRun.openedAt(engine, ams, DemoPeople.ANI, OPENED)
          .submitAfter(ofMinutes(1))
          .approve(DemoPeople.VERA, ofSeconds(30), ofMinutes(1));
      String task = run.taskId(CountersignForm.TASK);
      assertThat(engine.getTaskService().getIdentityLinksForTask(task)).extracting(IdentityLink::getGroupId)
          .containsExactly("kepala-bidang");

      // its group works it; an applicant does not
      assertThat(EngineApi.basic(port, "ani").call("POST", "/task/" + task + "/claim", Map.of("userId", "ani")).status())
          .isIn(403, 404);
      EngineApi hendra = EngineApi.basic(port, "hendra");
      assertThat(hendra.call("POST", "/task/" + task + "/claim", Map.of("userId", "hendra")).status()).isEqualTo(204);
      // it overruns its standard time of 5 minutes while the head of division holds it
      run.waitFor(ofMinutes(6));

      // the server takes exactly its form's fields
      Answer notItsField = hendra.call("POST", "/task/" + task + "/complete", Map.of("variables", Map.of(
          CountersignForm.DECISION, RestVariables.string("APPROVE"), "identityVerified", RestVariables.bool(true))));
      assertThat(notItsField.status()).isEqualTo(400);
      assertThat(notItsField.field()).isEqualTo("identityVerified");
      Answer noDecision = hendra.call("POST", "/task/" + task + "/complete", Map.of("variables", Map.of(
          CountersignForm.NOTE, RestVariables.string("Setuju."))));
      assertThat(noDecision.status()).isEqualTo(400);
      assertThat(noDecision.field()).isEqualTo(CountersignForm.DECISION);
      assertThat(hendra.call("POST", "/task/" + task + "/complete", Map.of("variables", Map.of(
          CountersignForm.DECISION, RestVariables.string("APPROVE"), CountersignForm.NOTE, RestVariables.string("Setuju."))))
          .status()).isEqualTo(204);
      run.runJobs();
      assertThat(run.taskId(TASK_CONFIRM_LINK_RECEIVED)).isNotNull();

      Users.authenticate(engine, DemoPeople.RINA.userId());
      RequestRecord record = SopHistory.asCaller(engine).record(run.id()).orElseThrow();
      assertThat(record.steps()).extracting(StepRun::step, StepRun::activityId, StepRun::doneBy).containsExactly(
          tuple(1, ProcessIds.TASK_SUBMIT_REQUEST, "ani"), tuple(2, ProcessIds.TASK_VERIFY_REQUEST, "vera"),
          tuple(3, CountersignForm.TASK, "hendra"), tuple(4, TASK_CONFIRM_LINK_RECEIVED, "ani"));
      StepRun countersigned = record.steps().get(2);
      assertThat(countersigned.title()).isEqualTo("Kepala bidang menandatangani persetujuan");
      assertThat(countersigned.standardSeconds()).isEqualTo(ofMinutes(5).toSeconds());
      assertThat(countersigned.breaches()).singleElement()
          .satisfies(breach -> assertThat(breach.responsible()).isEqualTo("hendra"));
      assertThat(record.steps().get(1).breaches()).isEmpty();
      assertThat(record.decisions()).extracting(Decision::taskId, Decision::by, Decision::decision, Decision::reason)
          .containsExactly(tuple(ProcessIds.TASK_VERIFY_REQUEST, "vera", "APPROVE", null),
              tuple(CountersignForm.TASK, "hendra", "APPROVE", "Setuju."));
    } finally {
      engine.getIdentityService().clearAuthentication();
      engine.getRepositoryService().deleteDeployment(copy.getId(), true);
    }
  }

  /** The diagram with the step drawn in after the approval, the later steps renumbered, and the step's form. */
  private Deployment deployWithCountersigning() throws IOException {
    Map<String, byte[]> resources = new ProcessDeployer(new PathMatchingResourcePatternResolver()).readResources();
    String diagram = new String(resources.get("bpmn/lupa-passphrase.bpmn"), StandardCharsets.UTF_8)
        .replace("<camunda:property name=\"langkahSop\" value=\"4\" />", "<camunda:property name=\"langkahSop\" value=\"5\" />")
        .replace("<camunda:property name=\"langkahSop\" value=\"3\" />", "<camunda:property name=\"langkahSop\" value=\"4\" />")
        .replaceFirst("(id=\"SequenceFlow_RequestApproved\"[^>]*targetRef=\")Task_ResetPassphrase\"", "$1Task_CountersignRequest\"")
        .replace("<bpmn:incoming>SequenceFlow_RequestApproved</bpmn:incoming>",
            "<bpmn:incoming>SequenceFlow_Countersigned</bpmn:incoming>")
        .replaceFirst("\\s*</bpmn:process>", "\n" + COUNTERSIGN)
        .replaceFirst("\\s*</bpmndi:BPMNPlane>", "\n" + COUNTERSIGN_DRAWN)
        .replaceFirst("(<bpmn:escalation id=\"Escalation_SubmitRequestSla\")",
            "<bpmn:escalation id=\"Escalation_CountersignSla\" name=\"Waktu baku langkah 3 terlampaui\" "
                + "escalationCode=\"SLA_Task_CountersignRequest\" />\n  $1");
    assertThat(diagram).contains("targetRef=\"Task_CountersignRequest\"", "Escalation_CountersignSla\" name");
    resources.put("bpmn/lupa-passphrase.bpmn", diagram.getBytes(StandardCharsets.UTF_8));
    try (InputStream form = getClass().getResourceAsStream("/new-step/countersign-request.form")) {
      resources.put("forms/countersign-request.form", form.readAllBytes());
    }
    return new ProcessDeployer(null).deploy(engine.getRepositoryService(), "new-step-test", resources);
  }
}
