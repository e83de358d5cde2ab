package id.go.kapuaskab.lupapassphrase.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The server side of the "Riwayat SOP" Cockpit pages: their REST API under
 * /camunda/api/cockpit/plugin/riwayat-sop/{engine}/, behind the webapp's login (registered in
 * META-INF/services). The pages themselves are ES modules in app/cockpit/scripts/riwayat-sop/,
 * registered in Cockpit's config.js.
 */
public class SopHistoryPlugin extends AbstractCockpitPlugin {

  public static final String ID = "riwayat-sop";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(SopHistoryRootResource.class);
  }
}
