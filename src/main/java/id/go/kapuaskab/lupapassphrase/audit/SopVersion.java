package id.go.kapuaskab.lupapassphrase.audit;

import java.time.Instant;

/**
 * One version of the SOP's diagram as the auditor reads it: when it was deployed and by whom.
 *
 * @param version the version's number, which each request names (RequestRow)
 * @param definitionId the process definition
 * @param deploymentId the deployment that made it
 * @param deploymentName the deployment's name, as the sender gave it
 * @param source what sent it: "Camunda Modeler", or {@value #APPLICATION} for the files of bpmn/ and forms/
 *     the application deploys at its start
 * @param deployedAt when it was deployed
 * @param deployedBy the user who deployed it, or null when no one was logged in (the application's start)
 */
public record SopVersion(int version, String definitionId, String deploymentId, String deploymentName, String source,
    Instant deployedAt, String deployedBy) {

  /** The source of the application's own deployments of bpmn/ and forms/. */
  public static final String APPLICATION = "lupa-passphrase application";
}
