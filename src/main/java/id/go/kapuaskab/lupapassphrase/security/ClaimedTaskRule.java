package id.go.kapuaskab.lupapassphrase.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.task.Task;

/**
 * A task someone has claimed is completed by them: the engine lets any member of the candidate group
 * complete it. Checked as the user task ends, inside the completion, so a claim made a moment before
 * still counts. (An execution listener, not a task listener: the engine wraps what a task listener
 * throws, and the REST API would answer 500 instead of 403.)
 */
record ClaimedTaskRule(IdentityService identity) implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Caller.completing(identity, execution).ifPresent(user -> {
      Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
          .executionId(execution.getId()).taskDefinitionKey(execution.getCurrentActivityId()).singleResult();
      if (task != null && task.getAssignee() != null && !task.getAssignee().equals(user.userId())) {
        throw new RefusedCallException(RefusedCallException.FORBIDDEN, "Tugas ini sudah diklaim oleh "
            + task.getAssignee() + " dan hanya dapat diselesaikan olehnya.");
      }
    });
  }
}
