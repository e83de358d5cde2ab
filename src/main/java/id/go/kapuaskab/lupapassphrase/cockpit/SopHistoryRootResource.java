package id.go.kapuaskab.lupapassphrase.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** The plugin's root: one sub-resource per engine, as Cockpit's security filter expects. */
@Path("plugin/" + SopHistoryPlugin.ID)
public class SopHistoryRootResource extends AbstractCockpitPluginRootResource {

  public SopHistoryRootResource() {
    super(SopHistoryPlugin.ID);
  }

  @Path("{engine}")
  public SopHistoryResource engine(@PathParam("engine") String engineName) {
    return subResource(new SopHistoryResource(engineName), engineName);
  }
}
