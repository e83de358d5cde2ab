package id.go.kapuaskab.lupapassphrase.process;

import static id.go.kapuaskab.lupapassphrase.process.Groups.VERIFIERS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.deployment.ProcessDeployer;
import id.go.kapuaskab.lupapassphrase.support.Requests;
import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.HashSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The deployed diagram checked against the SOP and against what the Modeler and Tasklist need. */
class ProcessModelTest extends IntegrationTest {

  private ProcessDefinition definition;
  private BpmnModelInstance model;

  @BeforeEach
  void readDeployedModel() {
    definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult();
    model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
  }

  /** The SOP steps as the diagram file declares them. */
  static List<SopStep> sopSteps() {
    return SopStep.in(Bpmn.readModelFromFile(new File("bpmn/lupa-passphrase.bpmn")));
  }

  @Test
  void theDiagramDeclaresTheSopsFourStepsOnTheirTasks() {
    assertThat(SopStep.in(model)).extracting(SopStep::number, SopStep::taskId, SopStep::timerId).containsExactly(
        tuple(1, TASK_SUBMIT_REQUEST, ProcessIds.TIMER_SUBMIT_REQUEST_SLA),
        tuple(2, TASK_VERIFY_REQUEST, ProcessIds.TIMER_VERIFY_REQUEST_SLA),
        tuple(3, ProcessIds.TASK_CONFIRM_LINK_RECEIVED, ProcessIds.TIMER_CONFIRM_LINK_SLA),
        tuple(4, ProcessIds.TASK_SET_NEW_PASSPHRASE, ProcessIds.TIMER_SET_PASSPHRASE_SLA));
    assertThat(SopStep.in(model)).extracting(SopStep::title).containsExactly("Mengajukan permohonan lupa passphrase",
        "Verifikator memeriksa surat dan mereset passphrase", "Pemohon menerima tautan reset",
        "Pemohon membuat passphrase baru");
  }

  @ParameterizedTest
  @MethodSource("sopSteps")
  void everySopStepHasItsStandardTimeAsANonInterruptingTimer(SopStep step) {
    Map<Integer, String> sop = Map.of(1, "PT2M", 2, "PT5M", 3, "PT5M", 4, "PT10M");
    BoundaryEvent timer = model.getModelElementById(step.timerId());

    assertThat(timer.getAttachedTo().getId()).isEqualTo(step.taskId());
    assertThat(timer.cancelActivity()).isFalse();
    TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
    assertThat(definition.getTimeDuration().getTextContent()).isEqualTo(sop.get(step.number()));
  }

  @ParameterizedTest
  @MethodSource("sopSteps")
  void everyStandardTimersLabelSaysItsDuration(SopStep step) {
    BoundaryEvent timer = model.getModelElementById(step.timerId());

    assertThat(timer.getName()).isEqualTo(StandardTimeOnTask.inWords(step.standardTime()));
  }

  @Test
  void aChangedTimerChangesTheStandardTimeTheStepsTaskShows() throws Exception {
    Map<String, byte[]> resources = new ProcessDeployer(new PathMatchingResourcePatternResolver()).readResources();
    String diagram = new String(resources.get("bpmn/lupa-passphrase.bpmn"), StandardCharsets.UTF_8);
    resources.put("bpmn/lupa-passphrase.bpmn", diagram.replace("<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">PT2M<",
        "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">PT1H30M<").getBytes(StandardCharsets.UTF_8));
    Deployment changed = new ProcessDeployer(null).deploy(engine.getRepositoryService(), "model-test-changed-timer", resources);
    try {
      ProcessDefinition version = engine.getRepositoryService().createProcessDefinitionQuery()
          .deploymentId(changed.getId()).singleResult();
      ProcessInstance instance = startBefore(version.getId(), ProcessIds.TASK_SUBMIT_REQUEST);
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();

      assertThat(engine.getTaskService().getVariableLocal(task.getId(), ProcessVariables.STANDARD_TIME))
          .isEqualTo("1 jam 30 menit");
    } finally {
      engine.getRepositoryService().deleteDeployment(changed.getId(), true);
    }
    Task current = engine.getTaskService().createTaskQuery().processInstanceId(startBefore(ProcessIds.TASK_SUBMIT_REQUEST).getId())
        .singleResult();
    assertThat(engine.getTaskService().getVariableLocal(current.getId(), ProcessVariables.STANDARD_TIME)).isEqualTo("2 menit");
  }

  @Test
  void applicantTasksGoToTheApplicantAndVerifierTasksToTheVerifierGroup() {
    Map<String, UserTask> tasks = model.getModelElementsByType(UserTask.class).stream()
        .collect(Collectors.toMap(UserTask::getId, task -> task));

    assertThat(tasks.keySet()).containsExactlyInAnyOrder(ProcessIds.TASK_SUBMIT_REQUEST, ProcessIds.TASK_VERIFY_REQUEST,
        ProcessIds.TASK_CONFIRM_LINK_RECEIVED, ProcessIds.TASK_SET_NEW_PASSPHRASE, ProcessIds.TASK_REVIEW_AMS_REFUSAL);
    for (String applicantTask : List.of(ProcessIds.TASK_SUBMIT_REQUEST, ProcessIds.TASK_CONFIRM_LINK_RECEIVED,
        ProcessIds.TASK_SET_NEW_PASSPHRASE)) {
      assertThat(tasks.get(applicantTask).getCamundaAssignee()).as(applicantTask).isEqualTo("${applicant}");
    }
    for (String verifierTask : List.of(ProcessIds.TASK_VERIFY_REQUEST, ProcessIds.TASK_REVIEW_AMS_REFUSAL)) {
      assertThat(tasks.get(verifierTask).getCamundaCandidateGroups()).as(verifierTask).isEqualTo(VERIFIERS);
      assertThat(tasks.get(verifierTask).getCamundaAssignee()).as(verifierTask).isNull();
    }
    assertThat(model.getModelElementById(ProcessIds.START_REQUEST).getAttributeValueNs(
        "http://camunda.org/schema/1.0/bpmn", "initiator")).isEqualTo("applicant");
  }

  @Test
  void everyAmsTaskRunsInItsOwnJobAndRetriesFaultsOnTheConfiguredCycle() {
    List<ServiceTask> amsTasks = model.getModelElementsByType(ServiceTask.class).stream()
        .filter(task -> task.getCamundaDelegateExpression().startsWith("${ams")).toList();

    assertThat(amsTasks).extracting(ServiceTask::getId).containsExactlyInAnyOrder(ProcessIds.TASK_RESET_PASSPHRASE,
        ProcessIds.TASK_RESEND_RESET_LINK, ProcessIds.TASK_CHECK_CERTIFICATE_STATUS);
    for (ServiceTask task : amsTasks) {
      assertThat(task.isCamundaAsyncBefore()).as(task.getId()).isTrue();
      CamundaFailedJobRetryTimeCycle cycle = task.getExtensionElements().getElementsQuery()
          .filterByType(CamundaFailedJobRetryTimeCycle.class).singleResult();
      assertThat(cycle.getTextContent()).as(task.getId()).isEqualTo(AmsRetry.EXPRESSION);
    }
  }

  @Test
  void historyTimeToLiveIsSetAndLanesAreApplicantAndVerifier() {
    Process process = model.getModelElementById(PROCESS_KEY);
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    assertThat(definition.getHistoryTimeToLive()).isPositive();
    assertThat(model.getModelElementsByType(Lane.class)).extracting(Lane::getName)
        .contains("Pemohon", "Verifikator (BSrE/OP)");
  }

  @Test
  void everyElementIsDrawnAndNamedInBahasaIndonesia() {
    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());

    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (element instanceof SequenceFlow) {
        assertThat(edges).as("edge of %s", element.getId()).contains(element.getId());
      } else {
        assertThat(shapes).as("shape of %s", element.getId()).contains(element.getId());
      }
      boolean unnamedJoin = element instanceof Gateway gateway && gateway.getOutgoing().size() == 1;
      if (element instanceof FlowNode && !unnamedJoin) {
        assertThat(element.getName()).as("label of %s", element.getId()).isNotBlank();
      }
    }
    for (Lane lane : model.getModelElementsByType(Lane.class)) {
      assertThat(shapes).as("shape of %s", lane.getId()).contains(lane.getId());
    }
  }

  @Test
  void everyUserTaskOpensItsFormFromTheDeployment() {
    for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
      ProcessInstance instance = startBefore(userTask.getId());
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
          .taskDefinitionKey(userTask.getId()).singleResult();
      // what Tasklist does when the task is opened
      try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
        assertThat(form.readAllBytes()).as("form of %s", userTask.getId()).isNotEmpty();
      } catch (Exception e) {
        throw new AssertionError("The form of " + userTask.getId() + " cannot be opened: " + e.getMessage(), e);
      }
      engine.getRuntimeService().deleteProcessInstance(instance.getId(), "model test");
    }
  }

  @Test
  void theStartFormOpensFromTheDeployment() throws Exception {
    // what Tasklist does when an applicant chooses "Start process"
    try (InputStream form = engine.getFormService().getDeployedStartForm(definition.getId())) {
      assertThat(new String(form.readAllBytes())).contains("\"id\": \"open-request\"");
    }
  }

  @Test
  void aDiagramDeployedWithoutItsFormsTakesThoseOfTheVersionItReplaces() throws Exception {
    ProcessDeployer deployer = new ProcessDeployer(null);
    Map<String, byte[]> withoutForms = new HashMap<>();
    try (InputStream bpmn = engine.getRepositoryService()
        .getResourceAsStream(definition.getDeploymentId(), "bpmn/lupa-passphrase.bpmn")) {
      withoutForms.put("bpmn/lupa-passphrase.bpmn", bpmn.readAllBytes());
    }
    Deployment deployment = deployer.deploy(engine.getRepositoryService(), "model-test-without-forms", withoutForms);
    try {
      ProcessDefinition version = engine.getRepositoryService().createProcessDefinitionQuery()
          .deploymentId(deployment.getId()).singleResult();
      ProcessInstance instance = startBefore(version.getId(), ProcessIds.TASK_CONFIRM_LINK_RECEIVED);
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();

      // before issue 24 such a version was deployed half: its tasks' forms could not be opened
      try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
        assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"confirm-link-received\"");
      }
      assertThat(engine.getRepositoryService().getDeploymentResourceNames(deployment.getId()))
          .containsExactlyInAnyOrderElementsOf(engine.getRepositoryService()
              .getDeploymentResourceNames(definition.getDeploymentId()));
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void everyFormFieldIsAProcessVariableTheServerKnows() throws Exception {
    Set<String> known = new HashSet<>();
    for (Field constant : ProcessVariables.class.getFields()) {
      known.add((String) constant.get(null));
    }
    Pattern field = Pattern.compile("cam-variable-name=\"([^\"]+)\"|\"key\"\\s*:\\s*\"([^\"]+)\"");
    Map<String, Set<String>> fieldsByForm = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path form : files.toList()) {
        Matcher matcher = field.matcher(Files.readString(form));
        Set<String> fields = new TreeSet<>();
        while (matcher.find()) {
          fields.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        fieldsByForm.put(form.getFileName().toString(), fields);
      }
    }
    fieldsByForm.forEach((form, fields) -> assertThat(known).as(form).containsAll(fields));
    assertThat(fieldsByForm.get("set-new-passphrase.form"))
        .containsExactlyInAnyOrder(ProcessVariables.ACTIVATION_DONE_IN_AMS, ProcessVariables.AGREEMENT_ACCEPTED);
    assertThat(fieldsByForm.get("confirm-link-received.form")).containsExactly(ProcessVariables.LINK_STATUS);
    assertThat(fieldsByForm.get("review-ams-refusal.form")).containsExactly(ProcessVariables.VERIFIER_NOTE);
  }

  private ProcessInstance startBefore(String activityId) {
    return startBefore(definition.getId(), activityId);
  }

  private ProcessInstance startBefore(String definitionId, String activityId) {
    Map<String, Object> variables = new HashMap<>(Requests.submissionOf(DemoPeople.ANI));
    variables.put(ProcessVariables.APPLICANT, "ani");
    return engine.getRuntimeService().createProcessInstanceById(definitionId)
        .setVariables(variables).startBeforeActivity(activityId).execute();
  }
}
