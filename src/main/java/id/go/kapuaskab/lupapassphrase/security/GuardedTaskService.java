package id.go.kapuaskab.lupapassphrase.security;

import id.go.kapuaskab.lupapassphrase.process.ProcessVariables;
import id.go.kapuaskab.lupapassphrase.request.SubmissionCheck;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The task service as callers reach it (the REST API, the webapps): a completion carries exactly its
 * form's fields, a claim is for oneself, only on a task nobody else holds and not on one's own
 * request, and only the assignee gives a task back. The applicant's own steps stay hers: she cannot
 * give them back and nobody else can claim them. A task that no longer exists answers 404, not the engine's 500; a collision with
 * the job executor on the same request is tried again.
 */
class GuardedTaskService extends TaskServiceImpl {

  /** Tries of a call that collides with the job executor on the same request. */
  static final int CONFLICT_ATTEMPTS = 3;
  private static final String TREE_CHANGED = "ENGINE-03077";

  private final IdentityService identity;
  private final SubmissionCheck submissions;

  GuardedTaskService(IdentityService identity, SubmissionCheck submissions) {
    this.identity = identity;
    this.submissions = submissions;
  }

  @Override
  public void complete(String taskId) {
    complete(taskId, null);
  }

  @Override
  public void complete(String taskId, Map<String, Object> variables) {
    completion(taskId, variables, false, false);
  }

  @Override
  public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserializeValues) {
    return completion(taskId, variables, true, deserializeValues);
  }

  private VariableMap completion(String taskId, Map<String, Object> variables, boolean returnVariables,
      boolean deserializeValues) {
    SubmissionCheck check = Caller.subjectToRules(identity).isPresent() ? submissions : null;
    return whileTaskExists(taskId, () -> commandExecutor.execute(
        new CheckedCompletion(taskId, variables, returnVariables, deserializeValues, check)));
  }

  /**
   * The engine's completion, whose fields are checked against the task's form once the engine has found
   * that the caller may work on the task: the task the command reads anyway, not a task query before it
   * (which cost a tenth of the node's time under load). A caller who may not work on it is refused first.
   */
  private static final class CheckedCompletion extends CompleteTaskCmd {

    private static final long serialVersionUID = 1L;
    private final transient SubmissionCheck submissions;

    CheckedCompletion(String taskId, Map<String, Object> variables, boolean returnVariables, boolean deserializeValues,
        SubmissionCheck submissions) {
      super(taskId, variables, returnVariables, deserializeValues);
      this.submissions = submissions;
    }

    @Override
    protected void checkCompleteTask(TaskEntity task, CommandContext commandContext) {
      super.checkCompleteTask(task, commandContext);
      if (submissions != null) {
        submissions.check(task.getTaskDefinitionKey(), variables);
      }
    }
  }

  @Override
  public void claim(String taskId, String userId) {
    boolean checked = Caller.subjectToRules(identity).map(caller -> {
      if (!caller.userId().equals(userId)) {
        throw new RefusedCallException(RefusedCallException.FORBIDDEN, "Tugas hanya dapat diklaim untuk diri sendiri.");
      }
      return true;
    }).orElse(false);
    whileTaskExists(taskId, () -> commandExecutor.execute(new CheckedClaim(taskId, userId, checked)));
  }

  /**
   * The engine's claim, with the rules of who claims which step checked once the engine has found that the
   * caller may work on the task: on the task, its links and its request's variables the command reads, not in
   * three commands of their own before it, each with its authorization checks.
   */
  private static final class CheckedClaim extends ClaimTaskCmd {

    private static final long serialVersionUID = 1L;
    private final boolean checked;

    CheckedClaim(String taskId, String userId, boolean checked) {
      super(taskId, userId);
      this.checked = checked;
    }

    @Override
    protected void checkClaimTask(TaskEntity task, CommandContext commandContext) {
      super.checkClaimTask(task, commandContext);
      if (!checked) {
        return;
      }
      if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
        throw claimedByAnother(task);
      }
      // the applicant's own steps are hers alone; every other step is never the applicant's (four eyes)
      boolean applicantsStep = isApplicantStep(task.getIdentityLinks());
      ExecutionEntity request = task.getProcessInstance();
      boolean ownRequest = request != null && userId.equals(request.getVariableLocal(ProcessVariables.APPLICANT));
      if (applicantsStep && !ownRequest) {
        throw applicantsStep();
      }
      if (!applicantsStep && ownRequest) {
        throw OwnRequestRule.refused();
      }
    }
  }

  /**
   * Only Tasklist's "unclaim" of one's own task: the engine's TASK_WORK, which people hold on their
   * tasks, does not include it, so the task goes back to its queue without that check; assigning a
   * task to someone is the administrator's.
   */
  @Override
  public void setAssignee(String taskId, String userId) {
    if (Caller.subjectToRules(identity).isEmpty()) {
      whileTaskExists(taskId, () -> {
        super.setAssignee(taskId, userId);
        return null;
      });
      return;
    }
    Task task = visibleTask(taskId);
    if (task == null) {
      throw new RefusedCallException(RefusedCallException.NOT_FOUND, "Tugas " + taskId + " tidak ditemukan.");
    }
    if (userId == null && isApplicantStep(getIdentityLinksForTask(task.getId()))) {
      throw applicantsStep();
    }
    if (userId != null || !Caller.subjectToRules(identity).orElseThrow().userId().equals(task.getAssignee())) {
      throw new RefusedCallException(RefusedCallException.FORBIDDEN, "Hanya penerima tugas yang dapat melepaskan "
          + "klaimnya; menugaskan tugas kepada orang lain hanya boleh dilakukan administrator.");
    }
    commandExecutor.execute(context -> context.runWithoutAuthorization(new AssignTaskCmd(taskId, null)));
  }

  // Variable changes on a task: a name the task's form does not have is refused naming it (400); the
  // form's own fields only a completion sets (CallerCommands refuses the change itself with 403).

  @Override
  public void setVariable(String taskId, String variableName, Object value) {
    checkNames(taskId, Map.of(variableName, Boolean.TRUE));
    super.setVariable(taskId, variableName, value);
  }

  @Override
  public void setVariableLocal(String taskId, String variableName, Object value) {
    checkNames(taskId, Map.of(variableName, Boolean.TRUE));
    super.setVariableLocal(taskId, variableName, value);
  }

  @Override
  public void setVariables(String taskId, Map<String, ? extends Object> variables) {
    checkNames(taskId, variables);
    super.setVariables(taskId, variables);
  }

  @Override
  public void setVariablesLocal(String taskId, Map<String, ? extends Object> variables) {
    checkNames(taskId, variables);
    super.setVariablesLocal(taskId, variables);
  }

  @Override
  public void updateVariables(String taskId, Map<String, ? extends Object> modifications, Collection<String> deletions) {
    checkNames(taskId, modifications);
    super.updateVariables(taskId, modifications, deletions);
  }

  @Override
  public void updateVariablesLocal(String taskId, Map<String, ? extends Object> modifications,
      Collection<String> deletions) {
    checkNames(taskId, modifications);
    super.updateVariablesLocal(taskId, modifications, deletions);
  }

  private void checkNames(String taskId, Map<String, ?> variables) {
    if (Caller.subjectToRules(identity).isEmpty() || variables == null) {
      return;
    }
    Task task = visibleTask(taskId);
    if (task != null) {
      submissions.checkNames(task.getTaskDefinitionKey(), variables.keySet());
    }
  }

  /**
   * Whether the task is one of the applicant's own steps: the diagram gives it to the request's
   * applicant and no group, so nobody else can take it up if she gave it back, and the request would
   * expire unseen.
   */
  private static boolean isApplicantStep(List<? extends IdentityLink> links) {
    return links.stream()
        .noneMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null);
  }

  private static RefusedCallException applicantsStep() {
    return new RefusedCallException(RefusedCallException.FORBIDDEN, "Langkah ini milik pemohon permohonan: "
        + "tidak dapat dilepas atau diambil orang lain. Administrator dapat memperbaikinya bila perlu.");
  }

  /** The task as the caller sees it: null when it does not exist or the caller may not read it. */
  private Task visibleTask(String taskId) {
    return taskId == null ? null : createTaskQuery().taskId(taskId).singleResult();
  }

  static RefusedCallException claimedByAnother(Task task) {
    return new RefusedCallException(RefusedCallException.CONFLICT,
        "Tugas ini sudah diklaim oleh " + task.getAssignee() + ".");
  }

  /**
   * Runs a completion or claim: a task id the engine does not find answers 404 (the engine's
   * NullValueException, which REST answers with 500); a conflict with the job executor working on the
   * same request at the same moment (an optimistic-locking failure, or the execution tree read while
   * it changed, ENGINE-03077) is rolled back whole, so the call is simply made again, and answers 409
   * only when it keeps colliding.
   */
  static <T> T whileTaskExists(String taskId, Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (NullValueException e) {
        if (taskId != null && Objects.toString(e.getMessage(), "").contains("Cannot find task with id")) {
          throw new RefusedCallException(RefusedCallException.NOT_FOUND,
              "Tugas " + taskId + " tidak ditemukan: tugas itu sudah diselesaikan atau tidak ada.");
        }
        throw e;
      } catch (ProcessEngineException e) {
        boolean transientConflict = e instanceof OptimisticLockingException
            || Objects.toString(e.getMessage(), "").startsWith(TREE_CHANGED);
        if (!transientConflict) {
          throw e;
        }
        if (attempt == CONFLICT_ATTEMPTS) {
          throw new RefusedCallException(RefusedCallException.CONFLICT,
              "Permohonan ini sedang diperbarui oleh sistem pada saat yang sama; silakan coba lagi.");
        }
        pause(attempt);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(50L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
