package id.go.kapuaskab.lupapassphrase.operations;

import static id.go.kapuaskab.lupapassphrase.process.Groups.OPERATORS;

import java.util.Set;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.actuate.health.AdditionalHealthEndpointPath;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The health endpoint names its groups (liveness, readiness) at its root to the operator's role only,
 * like its components: anyone else is told UP or DOWN and nothing more (Spring Boot lists them to
 * everyone). The groups themselves answer everyone at /actuator/health/liveness and /readiness.
 * Outside a request (Spring Boot checking the groups at start) the names are all there.
 */
@Component
class HealthGroupsForOperators implements HealthEndpointGroupsPostProcessor {

  @Override
  public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
    return new Named(groups);
  }

  private record Named(HealthEndpointGroups groups) implements HealthEndpointGroups {

    @Override
    public HealthEndpointGroup getPrimary() {
      return groups.getPrimary();
    }

    @Override
    public Set<String> getNames() {
      if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
          && !request.getRequest().isUserInRole(OPERATORS)) {
        return Set.of();
      }
      return groups.getNames();
    }

    @Override
    public HealthEndpointGroup get(String name) {
      return groups.get(name);
    }

    @Override
    public HealthEndpointGroup get(AdditionalHealthEndpointPath path) {
      return groups.get(path);
    }

    @Override
    public Set<HealthEndpointGroup> getAllWithAdditionalPath(WebServerNamespace namespace) {
      return groups.getAllWithAdditionalPath(namespace);
    }
  }
}
