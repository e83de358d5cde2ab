package id.go.kapuaskab.lupapassphrase.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A task someone has claimed is completed by them: the engine lets any member of the candidate group
 * complete it. Checked as the user task ends, inside the completion, so a claim made a moment before
 * still counts. (An execution listener, not a task listener: the engine wraps what a task listener
 * throws, and the REST API would answer 500 instead of 403.) The task is the one the completion loaded,
 * read from the command's own entities: a task query here cost a command and its authorization checks.
 */
record ClaimedTaskRule(IdentityService identity) implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Caller.completing(identity, execution).ifPresent(user -> {
      Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(TaskEntity.class).stream()
          .filter(task -> execution.getId().equals(task.getExecutionId())
              && execution.getCurrentActivityId().equals(task.getTaskDefinitionKey()))
          .findFirst()
          .filter(task -> task.getAssignee() != null && !task.getAssignee().equals(user.userId()))
          .ifPresent(task -> {
            throw new RefusedCallException(RefusedCallException.FORBIDDEN, "Tugas ini sudah diklaim oleh "
                + task.getAssignee() + " dan hanya dapat diselesaikan olehnya.");
          });
    });
  }
}
