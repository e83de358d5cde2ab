package id.go.kapuaskab.lupapassphrase.security;

import static id.go.kapuaskab.lupapassphrase.process.Groups.ADMINS;
import static id.go.kapuaskab.lupapassphrase.process.Groups.APPLICANTS;
import static id.go.kapuaskab.lupapassphrase.process.Groups.AUDITORS;
import static id.go.kapuaskab.lupapassphrase.process.Groups.OPERATORS;
import static id.go.kapuaskab.lupapassphrase.process.Groups.PROCESS_OWNERS;
import static id.go.kapuaskab.lupapassphrase.process.Groups.SUPERVISORS;
import static id.go.kapuaskab.lupapassphrase.process.Groups.VERIFIERS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.TASK_WORK;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import id.go.kapuaskab.lupapassphrase.process.Groups;
import id.go.kapuaskab.lupapassphrase.tasklist.TasklistFilters;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/**
 * What each role may do, as grants on the engine's resources. Everything not granted is denied:
 * authorization checks are on. The engine grants an assignee READ and TASK_WORK on their task as it
 * is created (no variable changes); the verifier group holds them on the whole process instead.
 */
public final class Roles {

  /** A grant of permissions to a group on one resource; a filter is named by its filter name. */
  public record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {
  }

  /** The groups, with the names shown in Admin. */
  public static final Map<String, String> GROUPS = Map.of(
      APPLICANTS, "Pemohon",
      VERIFIERS, "Verifikator",
      SUPERVISORS, "Kepala Bidang",
      AUDITORS, "Auditor",
      PROCESS_OWNERS, "Pemilik Proses",
      ADMINS, "Administrator Camunda",
      OPERATORS, "Operator Sistem");

  public static final List<Grant> GRANTS = List.of(
      // pemohon: start a request and work their own tasks, in Tasklist only
      new Grant(APPLICANTS, APPLICATION, "tasklist", List.of(ACCESS)),
      new Grant(APPLICANTS, PROCESS_DEFINITION, PROCESS_KEY, List.of(READ, CREATE_INSTANCE)),
      new Grant(APPLICANTS, PROCESS_INSTANCE, ANY, List.of(CREATE)),
      new Grant(APPLICANTS, FILTER, TasklistFilters.MY_TASKS, List.of(READ)),

      // verifikator: the queue and every request's data, the letter included, in Tasklist only. The
      // tasks through one grant on the process, not one per task (VerifierTaskAuthorizations);
      // an applicant's task is still the applicant's: only its assignee completes it (ClaimedTaskRule)
      new Grant(VERIFIERS, APPLICATION, "tasklist", List.of(ACCESS)),
      new Grant(VERIFIERS, PROCESS_DEFINITION, PROCESS_KEY, List.of(READ, READ_INSTANCE, READ_TASK, TASK_WORK)),
      new Grant(VERIFIERS, FILTER, TasklistFilters.MY_TASKS, List.of(READ)),
      new Grant(VERIFIERS, FILTER, TasklistFilters.VERIFIER_QUEUE, List.of(READ)),

      // kepala-bidang: reads requests and their history in Tasklist and Cockpit, changes nothing
      new Grant(SUPERVISORS, APPLICATION, "tasklist", List.of(ACCESS)),
      new Grant(SUPERVISORS, APPLICATION, "cockpit", List.of(ACCESS)),
      new Grant(SUPERVISORS, PROCESS_DEFINITION, PROCESS_KEY, List.of(READ, READ_INSTANCE, READ_TASK, READ_HISTORY)),
      new Grant(SUPERVISORS, DEPLOYMENT, ANY, List.of(READ)),
      new Grant(SUPERVISORS, OPERATION_LOG_CATEGORY, ANY, List.of(UserOperationLogCategoryPermissions.READ)),
      new Grant(SUPERVISORS, FILTER, TasklistFilters.MY_TASKS, List.of(READ)),
      new Grant(SUPERVISORS, FILTER, TasklistFilters.VERIFIER_QUEUE, List.of(READ)),
      new Grant(SUPERVISORS, FILTER, TasklistFilters.SUPERVISOR_VIEW, List.of(READ)),
      // the group counts of Cockpit's "Tugas pengguna" page are the engine's to grant on every task:
      // no more than READ_TASK above already shows, since the engine makes no standalone tasks
      new Grant(SUPERVISORS, TASK, ANY, List.of(READ)),

      // auditor: reads running and finished requests and their history in Cockpit, changes nothing
      new Grant(AUDITORS, APPLICATION, "cockpit", List.of(ACCESS)),
      new Grant(AUDITORS, PROCESS_DEFINITION, PROCESS_KEY, List.of(READ, READ_INSTANCE, READ_TASK, READ_HISTORY)),
      new Grant(AUDITORS, DEPLOYMENT, ANY, List.of(READ)),
      new Grant(AUDITORS, OPERATION_LOG_CATEGORY, ANY, List.of(UserOperationLogCategoryPermissions.READ)),
      new Grant(AUDITORS, TASK, ANY, List.of(READ)),

      // pemilik-proses: deploys the SOP's diagram and forms (Camunda Modeler, Cockpit) and reads what is
      // deployed; the deployment commands are theirs alone (CallerCommands), each deployment is checked
      // (deployment/SopDeployments); no request, task or history of a request
      new Grant(PROCESS_OWNERS, APPLICATION, "cockpit", List.of(ACCESS)),
      new Grant(PROCESS_OWNERS, DEPLOYMENT, ANY, List.of(READ, CREATE)),
      new Grant(PROCESS_OWNERS, PROCESS_DEFINITION, PROCESS_KEY, List.of(READ)));

  /** camunda-admin: everything, on every resource type. */
  public static final String ADMIN_GROUP = ADMINS;
  public static final Permission ADMIN_PERMISSION = ALL;

  private Roles() {
  }
}
