package id.go.kapuaskab.lupapassphrase.audit;

import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.AMS_REFUSAL;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.CERTIFICATE_ISSUED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.CERTIFICATE_STATUS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.LINK_RESEND_COUNT;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.REFUSAL_REASON;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.RELATED_SOP;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.VERIFIED_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.TaskProperties.AUDIT_DECISION;
import static id.go.kapuaskab.lupapassphrase.process.TaskProperties.AUDIT_NOTE;

import id.go.kapuaskab.lupapassphrase.process.TaskProperties;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The variables whose every change is part of a request's record (*Riwayat SOP* reads their updates, with the
 * step that made each): what the server records, and the decisions and notes the diagram names on its tasks.
 * The history keeps the changes of these and of no other variable ({@link VariableUpdatesKept}).
 */
final class RecordedVariables {

  /** What the server records; the decisions and notes the forms record are named by the diagram (TaskProperties). */
  private static final Set<String> SERVER_RECORDS = Set.of(VERIFIED_REQUEST, LINK_RESEND_COUNT, CERTIFICATE_STATUS,
      CERTIFICATE_ISSUED, AMS_REFUSAL, RELATED_SOP, REFUSAL_REASON);
  /** By diagram instance (the engine keeps one per deployed version), weakly, so a version the engine drops goes. */
  private static final Map<BpmnModelInstance, Set<String>> BY_DIAGRAM = new WeakHashMap<>();

  private RecordedVariables() {
  }

  /** The recorded variables of a request that runs on this diagram version. */
  static Set<String> of(BpmnModelInstance diagram) {
    synchronized (BY_DIAGRAM) {
      return BY_DIAGRAM.computeIfAbsent(diagram, RecordedVariables::read);
    }
  }

  private static Set<String> read(BpmnModelInstance diagram) {
    Set<String> recorded = new HashSet<>(SERVER_RECORDS);
    diagram.getModelElementsByType(UserTask.class).forEach(task -> Stream.of(AUDIT_DECISION, AUDIT_NOTE)
        .forEach(property -> TaskProperties.of(task, property).ifPresent(recorded::add)));
    return Set.copyOf(recorded);
  }
}
