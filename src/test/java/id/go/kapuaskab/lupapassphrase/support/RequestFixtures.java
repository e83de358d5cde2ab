package id.go.kapuaskab.lupapassphrase.support;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;

import id.go.kapuaskab.lupapassphrase.demo.DemoPerson;
import id.go.kapuaskab.lupapassphrase.process.ProcessVariables;
import id.go.kapuaskab.lupapassphrase.process.VerificationDecision;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Requests brought to a given step through the Java API, each action done as the person who does it. */
public final class RequestFixtures {

  private final ProcessEngine engine;

  public RequestFixtures(ProcessEngine engine) {
    this.engine = engine;
  }

  /** A request of the applicant, submitted, waiting in the verifier queue. */
  public ProcessInstance waitingForVerifier(DemoPerson applicant) {
    ProcessInstance request = opened(applicant);
    Users.as(engine, applicant.userId(), () -> engine.getTaskService().complete(task(request, TASK_SUBMIT_REQUEST).getId(),
        Requests.submissionOf(applicant)));
    return request;
  }

  /** A request of the applicant sent back by the verifier: the applicant's task, with the letter. */
  public ProcessInstance rejected(DemoPerson applicant, DemoPerson verifier) {
    ProcessInstance request = waitingForVerifier(applicant);
    Users.as(engine, verifier.userId(), () -> engine.getTaskService().complete(task(request, TASK_VERIFY_REQUEST).getId(),
        Map.of(ProcessVariables.VERIFICATION_DECISION, VerificationDecision.REJECT.name(), ProcessVariables.REJECTION_REASON, "Tanda tangan tidak ada.")));
    return request;
  }

  public ProcessInstance opened(DemoPerson applicant) {
    return Users.as(engine, applicant.userId(), () -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY));
  }

  public Task task(ProcessInstance request, String taskDefinitionKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(request.getId())
        .taskDefinitionKey(taskDefinitionKey).singleResult();
  }
}
