/**
 * What a deployment of the SOP must hold, whoever sends it: the process owner from Camunda Modeler,
 * the administrator, the application's own start. A deployment is made whole from the version it
 * replaces and checked before the engine parses it (SopDeployments, DiagramRules); one that would
 * break the service is refused with the reason.
 */
package id.go.kapuaskab.lupapassphrase.deployment;
