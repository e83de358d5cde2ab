package id.go.kapuaskab.lupapassphrase.benchmark;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_CONFIRM_LINK_RECEIVED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SET_NEW_PASSPHRASE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.ACTIVATION_DONE_IN_AMS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.AGREEMENT_ACCEPTED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.IDENTITY_VERIFIED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.LINK_STATUS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.VERIFICATION_DECISION;

import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.process.LinkStatus;
import id.go.kapuaskab.lupapassphrase.process.VerificationDecision;
import id.go.kapuaskab.lupapassphrase.support.Requests;
import id.go.kapuaskab.lupapassphrase.support.Users;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * A request through the Java API, each call as the person who makes it (so the engine checks their
 * authorizations); the AMS calls run in the job executor, as in production, and this waits for them.
 */
final class JavaApiSop implements SopClient {

  private final ProcessEngine engine;
  private final ResetLinks links;

  JavaApiSop(ProcessEngine engine, ResetLinks links) {
    this.engine = engine;
    this.links = links;
  }

  @Override
  public void runOneRequest() throws InterruptedException {
    TaskService tasks = engine.getTaskService();
    Users.authenticate(engine, "ani");
    String request = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY).getId();
    tasks.complete(task(request, TASK_SUBMIT_REQUEST).getId(), Requests.submissionOf(DemoPeople.ANI));

    Users.authenticate(engine, "vera");
    Task verify = task(request, TASK_VERIFY_REQUEST);
    tasks.claim(verify.getId(), "vera");
    tasks.complete(verify.getId(), Map.of(VERIFICATION_DECISION, VerificationDecision.APPROVE.name(), IDENTITY_VERIFIED, true));

    Users.authenticate(engine, "ani");
    tasks.complete(task(request, TASK_CONFIRM_LINK_RECEIVED).getId(), Map.of(LINK_STATUS, LinkStatus.RECEIVED.name()));
    links.setNewPassphrase();
    tasks.complete(task(request, TASK_SET_NEW_PASSPHRASE).getId(), Map.of(ACTIVATION_DONE_IN_AMS, true, AGREEMENT_ACCEPTED, true));
    engine.getIdentityService().clearAuthentication();
    Waiting.until(() -> engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(request)
        .completed().count() == 1, () -> "request " + request + " to end");
  }

  /** The task, once the job executor has brought the request there. */
  private Task task(String request, String taskKey) throws InterruptedException {
    Task[] found = new Task[1];
    Waiting.until(() -> (found[0] = engine.getTaskService().createTaskQuery().processInstanceId(request)
        .taskDefinitionKey(taskKey).singleResult()) != null,
        () -> taskKey + " of " + request + " (it is at " + engine.getRuntimeService().getActiveActivityIds(request) + ")");
    return found[0];
  }
}
