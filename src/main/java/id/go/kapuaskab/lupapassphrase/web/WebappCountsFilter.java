package id.go.kapuaskab.lupapassphrase.web;

import id.go.kapuaskab.lupapassphrase.security.OfficeWideCounts;
import id.go.kapuaskab.lupapassphrase.security.RefusedCallException;
import id.go.kapuaskab.lupapassphrase.security.Roles;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.camunda.bpm.admin.impl.plugin.resources.MetricsRestService;
import org.camunda.bpm.cockpit.impl.plugin.base.dto.ProcessDefinitionStatisticsDto;
import org.camunda.bpm.cockpit.impl.plugin.resources.ProcessDefinitionRestService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * The webapps' own counting endpoints read the database beside the engine's commands, where the
 * engine's rules do not reach, and any logged-in user may call them with a session: Cockpit's
 * process-definition statistics (its dashboard) follow {@link OfficeWideCounts}, refused or answered
 * with zeros as the engine's are; Admin's execution metrics, like the engine's own metrics, are the
 * administrator's.
 */
@Provider
public class WebappCountsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String ENGINE = "engine";
  /** Set on a request whose counts answer with zeros. */
  private static final String ZEROS = WebappCountsFilter.class.getName() + ".zeros";

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
      if (OfficeWideCounts.shownTo(engine) == OfficeWideCounts.Shown.NO_REQUEST) {
        request.setProperty(ZEROS, Boolean.TRUE);
      }
      return;
    }
    Authentication caller = engine.getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getGroupIds() == null || !caller.getGroupIds().contains(Roles.ADMIN_GROUP)) {
      throw new RefusedCallException(RefusedCallException.FORBIDDEN,
          "Metrik pemakaian mesin proses hanya untuk administrator.");
    }
  }

  /** Zeros for the counts of each definition (statistics-count counts definitions the caller reads: it stays). */
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(ZEROS) != null && response.getEntity() instanceof List<?> statistics) {
      for (Object definition : statistics) {
        if (definition instanceof ProcessDefinitionStatisticsDto counted) {
          counted.setInstances(0);
          counted.setIncidents(0);
        }
      }
    }
  }
}
