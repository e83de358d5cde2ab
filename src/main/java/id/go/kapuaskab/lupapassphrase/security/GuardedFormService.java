package id.go.kapuaskab.lupapassphrase.security;

import id.go.kapuaskab.lupapassphrase.process.ProcessIds;
import id.go.kapuaskab.lupapassphrase.request.SubmissionCheck;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The form service as callers reach it (Tasklist submits every form through it): a task form carries
 * exactly its fields; a start form carries the start form's fields and no request number.
 */
class GuardedFormService extends FormServiceImpl {

  private final IdentityService identity;
  private final SubmissionCheck submissions;
  private final GuardedTaskService tasks;

  GuardedFormService(IdentityService identity, SubmissionCheck submissions, GuardedTaskService tasks) {
    this.identity = identity;
    this.submissions = submissions;
    this.tasks = tasks;
  }

  @Override
  public ProcessInstance submitStartForm(String processDefinitionId, Map<String, Object> properties) {
    return submitStartForm(processDefinitionId, null, properties);
  }

  @Override
  public ProcessInstance submitStartForm(String processDefinitionId, String businessKey, Map<String, Object> properties) {
    checkStartForm(businessKey, properties);
    return super.submitStartForm(processDefinitionId, StartRules.blankAsNone(businessKey), properties);
  }

  @Override
  public ProcessInstance submitStartFormData(String processDefinitionId, String businessKey, Map<String, String> properties) {
    checkStartForm(businessKey, properties);
    return super.submitStartFormData(processDefinitionId, StartRules.blankAsNone(businessKey), properties);
  }

  @Override
  public ProcessInstance submitStartFormData(String processDefinitionId, Map<String, String> properties) {
    return submitStartFormData(processDefinitionId, null, properties);
  }

  @Override
  public void submitTaskForm(String taskId, Map<String, Object> properties) {
    checkTaskForm(taskId, properties);
    GuardedTaskService.whileTaskExists(taskId, () -> {
      super.submitTaskForm(taskId, properties);
      return null;
    });
  }

  @Override
  public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
      boolean deserializeValues) {
    checkTaskForm(taskId, properties);
    return GuardedTaskService.whileTaskExists(taskId,
        () -> super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues));
  }

  @Override
  public void submitTaskFormData(String taskId, Map<String, String> properties) {
    checkTaskForm(taskId, properties);
    GuardedTaskService.whileTaskExists(taskId, () -> {
      super.submitTaskFormData(taskId, properties);
      return null;
    });
  }

  private void checkStartForm(String businessKey, Map<String, ?> properties) {
    if (Caller.subjectToRules(identity).isPresent()) {
      StartRules.refuseBusinessKey(businessKey);
      submissions.check(ProcessIds.START_REQUEST, properties);
    }
  }

  private void checkTaskForm(String taskId, Map<String, ?> properties) {
    if (Caller.subjectToRules(identity).isPresent()) {
      Task task = tasks.visibleTask(taskId);
      if (task != null) {
        submissions.check(task.getTaskDefinitionKey(), properties);
      }
    }
  }
}
