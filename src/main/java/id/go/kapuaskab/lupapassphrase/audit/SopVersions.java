package id.go.kapuaskab.lupapassphrase.audit;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The versions of the SOP's diagram, newest first, each with when and by whom it was deployed. Who
 * deployed is the engine's own record: the operation log entry it writes for every deployment a
 * logged-in user makes (the application's start, with no one logged in, writes none). Read under the
 * caller's authorizations: the auditor and the head of division read deployments and the log.
 */
public final class SopVersions {

  private SopVersions() {
  }

  public static List<SopVersion> all(ProcessEngine engine) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .unlimitedList().stream()
        .sorted(Comparator.comparingInt(ProcessDefinition::getVersion).reversed())
        .map(definition -> of(engine, definition))
        .flatMap(Optional::stream)
        .toList();
  }

  /** The version the next request opens on, if any is deployed. */
  public static Optional<SopVersion> latest(ProcessEngine engine) {
    ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult();
    return latest == null ? Optional.empty() : of(engine, latest);
  }

  private static Optional<SopVersion> of(ProcessEngine engine, ProcessDefinition definition) {
    Deployment deployment = engine.getRepositoryService().createDeploymentQuery()
        .deploymentId(definition.getDeploymentId()).singleResult();
    if (deployment == null) {
      return Optional.empty();
    }
    String deployedBy = engine.getHistoryService().createUserOperationLogQuery()
        .deploymentId(deployment.getId()).entityType(EntityTypes.DEPLOYMENT)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).listPage(0, 1).stream()
        .map(UserOperationLogEntry::getUserId).findFirst().orElse(null);
    return Optional.of(new SopVersion(definition.getVersion(), definition.getId(), deployment.getId(),
        deployment.getName(), deployment.getSource(), deployment.getDeploymentTime().toInstant(), deployedBy));
  }
}
