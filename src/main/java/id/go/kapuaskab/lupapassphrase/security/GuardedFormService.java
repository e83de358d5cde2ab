package id.go.kapuaskab.lupapassphrase.security;

import id.go.kapuaskab.lupapassphrase.process.ProcessIds;
import id.go.kapuaskab.lupapassphrase.request.SubmissionCheck;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The form service as callers reach it (Tasklist submits every form through it): a task form carries
 * exactly its fields; a start form carries the start form's fields and no request number.
 */
class GuardedFormService extends FormServiceImpl {

  private final IdentityService identity;
  private final SubmissionCheck submissions;

  GuardedFormService(IdentityService identity, SubmissionCheck submissions) {
    this.identity = identity;
    this.submissions = submissions;
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
    submission(taskId, properties, false, false);
  }

  @Override
  public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
      boolean deserializeValues) {
    return submission(taskId, properties, true, deserializeValues);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void submitTaskFormData(String taskId, Map<String, String> properties) {
    submission(taskId, (Map) properties, false, false);
  }

  private VariableMap submission(String taskId, Map<String, Object> properties, boolean returnVariables,
      boolean deserializeValues) {
    SubmissionCheck check = Caller.subjectToRules(identity).isPresent() ? submissions : null;
    return GuardedTaskService.whileTaskExists(taskId, () -> commandExecutor.execute(
        new CheckedSubmission(taskId, properties, returnVariables, deserializeValues, check)));
  }

  private void checkStartForm(String businessKey, Map<String, ?> properties) {
    if (Caller.subjectToRules(identity).isPresent()) {
      StartRules.refuseBusinessKey(businessKey);
      submissions.check(ProcessIds.START_REQUEST, properties);
    }
  }

  /**
   * The engine's form submission, whose fields are checked against the task's form once the engine has
   * found that the caller may work on the task (the engine's own check, which it makes again on the task
   * already read), not after a task query of its own.
   */
  private static final class CheckedSubmission extends SubmitTaskFormCmd {

    private static final long serialVersionUID = 1L;
    private final transient Map<String, Object> sent;
    private final transient SubmissionCheck submissions;

    CheckedSubmission(String taskId, Map<String, Object> properties, boolean returnVariables, boolean deserializeValues,
        SubmissionCheck submissions) {
      super(taskId, properties, returnVariables, deserializeValues);
      this.sent = properties;
      this.submissions = submissions;
    }

    @Override
    public VariableMap execute(CommandContext commandContext) {
      TaskEntity task = submissions == null || taskId == null ? null : commandContext.getTaskManager().findTaskById(taskId);
      if (task != null) {
        for (CommandChecker checker : commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
          checker.checkTaskWork(task);
        }
        submissions.check(task.getTaskDefinitionKey(), sent);
      }
      return super.execute(commandContext);
    }
  }
}
