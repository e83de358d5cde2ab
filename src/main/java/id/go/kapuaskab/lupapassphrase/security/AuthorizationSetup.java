package id.go.kapuaskab.lupapassphrase.security;

import id.go.kapuaskab.lupapassphrase.security.Roles.Grant;
import id.go.kapuaskab.lupapassphrase.setup.SetupPhase;
import id.go.kapuaskab.lupapassphrase.setup.SetupStep.Phase;
import id.go.kapuaskab.lupapassphrase.setup.SetupStep;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Makes the engine's groups and grants what {@link Roles} says, at every start: missing groups and
 * grants are created and a grant changed by hand in Admin is set back. The applicant's own request
 * is granted as it starts ({@link OwnRequestGrant}).
 */
@Component
@SetupPhase(Phase.AUTHORIZATIONS)
class AuthorizationSetup implements SetupStep {

  @Override
  public void apply(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    Roles.GROUPS.forEach((id, name) -> {
      if (identity.createGroupQuery().groupId(id).count() == 0) {
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType("WORKFLOW");
        identity.saveGroup(group);
      }
    });

    AuthorizationService authorizations = engine.getAuthorizationService();
    for (Grant grant : Roles.GRANTS) {
      String resourceId = grant.resource() == Resources.FILTER ? filterId(engine, grant.resourceId()) : grant.resourceId();
      grant(authorizations, grant.group(), grant.resource(), resourceId, grant.permissions().toArray(Permission[]::new));
    }
    for (Resources resource : Resources.values()) {
      grant(authorizations, Roles.ADMIN_GROUP, resource, Authorization.ANY, Roles.ADMIN_PERMISSION);
    }
  }

  private static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    authorization.setPermissions(permissions);
    authorizations.saveAuthorization(authorization);
  }

  private static String filterId(ProcessEngine engine, String name) {
    Filter filter = engine.getFilterService().createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      throw new IllegalStateException("Tasklist filter '" + name + "' is missing");
    }
    return filter.getId();
  }
}
