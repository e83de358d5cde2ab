package id.go.kapuaskab.lupapassphrase.web;

import id.go.kapuaskab.lupapassphrase.security.OfficeWideCounts;
import id.go.kapuaskab.lupapassphrase.security.RefusedCallException;
import id.go.kapuaskab.lupapassphrase.security.Roles;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.admin.impl.plugin.resources.MetricsRestService;
import org.camunda.bpm.cockpit.impl.plugin.resources.ProcessDefinitionRestService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * The webapps' own counting endpoints read the database beside the engine's commands, where the
 * engine's rules do not reach, and any logged-in user may call them with a session: Cockpit's
 * process-definition statistics (its dashboard) follow {@link OfficeWideCounts}; Admin's execution
 * metrics, like the engine's own metrics, are the administrator's.
 */
@Provider
public class WebappCountsFilter implements ContainerRequestFilter {

  private static final String ENGINE = "engine";

  @Context
  private ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Class<?> type = resource.getResourceClass();
    if (type != ProcessDefinitionRestService.class && type != MetricsRestService.class) {
      return;
    }
    ProcessEngine engine = EngineUtil.lookupProcessEngine(request.getUriInfo().getPathParameters().getFirst(ENGINE));
    if (type == ProcessDefinitionRestService.class) {
      OfficeWideCounts.check(engine);
      return;
    }
    Authentication caller = engine.getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getGroupIds() == null || !caller.getGroupIds().contains(Roles.ADMIN_GROUP)) {
      throw new RefusedCallException(RefusedCallException.FORBIDDEN,
          "Metrik pemakaian mesin proses hanya untuk administrator.");
    }
  }
}
