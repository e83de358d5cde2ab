package id.go.kapuaskab.lupapassphrase.operations;

import id.go.kapuaskab.lupapassphrase.process.ProcessIds;
import id.go.kapuaskab.lupapassphrase.process.SopStep;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * The SOP steps the metrics are labelled by: those of the diagram this node deploys (bpmn/ on the class
 * path), read once, so the labels are fixed for the node's life. A request on an older version waits at
 * a task of the same id, and counts under that task's step here.
 */
final class DiagramSteps {

  static final List<SopStep> STEPS = read();

  /**
   * Where a request can wait, and the step it waits in: each step's user task, and the AMS calls and the
   * verifier's review that belong to a step (the diagram does not say which step a service task serves).
   */
  static final Map<String, SopStep> STEP_OF_ACTIVITY = stepOfActivity();

  private DiagramSteps() {
  }

  private static List<SopStep> read() {
    try (InputStream diagram = DiagramSteps.class.getResourceAsStream("/bpmn/lupa-passphrase.bpmn")) {
      if (diagram == null) {
        throw new IllegalStateException("bpmn/lupa-passphrase.bpmn is not on the class path");
      }
      return SopStep.in(Bpmn.readModelFromStream(diagram));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, SopStep> stepOfActivity() {
    Map<String, SopStep> steps = new HashMap<>();
    STEPS.forEach(step -> steps.put(step.taskId(), step));
    Map<String, String> servedBy = Map.of(
        ProcessIds.TASK_REVIEW_AMS_REFUSAL, ProcessIds.TASK_VERIFY_REQUEST,
        ProcessIds.TASK_RESET_PASSPHRASE, ProcessIds.TASK_VERIFY_REQUEST,
        ProcessIds.TASK_RESEND_RESET_LINK, ProcessIds.TASK_CONFIRM_LINK_RECEIVED,
        ProcessIds.TASK_CHECK_CERTIFICATE_STATUS, ProcessIds.TASK_SET_NEW_PASSPHRASE);
    servedBy.forEach((activity, stepTask) -> {
      if (steps.containsKey(stepTask)) {
        steps.put(activity, steps.get(stepTask));
      }
    });
    return Map.copyOf(steps);
  }
}
