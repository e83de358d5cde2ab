package id.go.kapuaskab.lupapassphrase.deployment;

import id.go.kapuaskab.lupapassphrase.setup.SetupPhase;
import id.go.kapuaskab.lupapassphrase.setup.SetupStep.Phase;
import id.go.kapuaskab.lupapassphrase.audit.SopVersion;
import id.go.kapuaskab.lupapassphrase.audit.SopVersions;
import id.go.kapuaskab.lupapassphrase.setup.SetupStep;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys bpmn/ and forms/ as one deployment, under their folder-relative names, so that
 * {@code embedded:deployment:forms/x.html} and {@code formRefBinding="deployment"} find the form
 * deployed with the diagram. (The starter's own auto-deployment names resources by absolute file
 * path, which neither form reference can name.) When any file changed since the application last
 * deployed them, all are deployed again: the process gets a new version that carries its forms; when
 * nothing changed, nothing is deployed, and a version the process owner deployed from Camunda Modeler
 * since stays in service. A release whose files changed replaces it for new requests, and says so in
 * the log (docs/process-owner.md: which wins, and why).
 */
@Component
@SetupPhase(Phase.DEPLOYMENT)
public class ProcessDeployer implements SetupStep {

  public static final String DEPLOYMENT_NAME = "lupa-passphrase";
  private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployer.class);
  private static final String[] FOLDERS = {"bpmn", "forms"};
  private static final String[] SUFFIXES = {"bpmn", "form", "html"};

  private final ResourcePatternResolver resolver;

  public ProcessDeployer(ResourcePatternResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public void apply(ProcessEngine processEngine) {
    Optional<SopVersion> live = SopVersions.latest(processEngine);
    DeploymentWithDefinitions deployment = deploy(processEngine.getRepositoryService(), DEPLOYMENT_NAME, readResources());
    live.filter(version -> !SopVersion.APPLICATION.equals(version.source())).ifPresent(version -> {
      if (isNewVersion(deployment)) {
        LOG.warn("bpmn/ and forms/ of this release differ from what the application deployed last: they replace "
            + "version {} of the SOP, deployed by {} from '{}' at {}, for new requests (running requests stay on "
            + "their version)", version.version(), version.deployedBy(), version.source(), version.deployedAt());
      } else {
        LOG.info("bpmn/ and forms/ unchanged since the application deployed them: version {} of the SOP, deployed by "
            + "{} from '{}' at {}, stays in service", version.version(), version.deployedBy(), version.source(),
            version.deployedAt());
      }
    });
  }

  private static boolean isNewVersion(DeploymentWithDefinitions deployment) {
    return deployment.getDeployedProcessDefinitions() != null && !deployment.getDeployedProcessDefinitions().isEmpty();
  }

  /** The files of bpmn/ and forms/ by deployment resource name ("forms/submit-request.html"). */
  public Map<String, byte[]> readResources() {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    try {
      for (String folder : FOLDERS) {
        for (String suffix : SUFFIXES) {
          for (Resource resource : resolver.getResources("classpath*:" + folder + "/*." + suffix)) {
            resources.put(folder + "/" + resource.getFilename(), resource.getContentAsByteArray());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the process resources", e);
    }
    return resources;
  }

  /** Deploys the resources unless the latest deployment of this name holds exactly these. */
  public DeploymentWithDefinitions deploy(RepositoryService repositoryService, String name, Map<String, byte[]> resources) {
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(name)
        .source(SopVersion.APPLICATION)
        .enableDuplicateFiltering(false);
    resources.forEach((resourceName, bytes) -> builder.addInputStream(resourceName, new ByteArrayInputStream(bytes)));
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    LOG.info("Deployment '{}' ({}): {} resources {}", name, deployment.getId(), resources.size(),
        isNewVersion(deployment) ? "deployed as a new version" : "unchanged");
    return deployment;
  }
}
