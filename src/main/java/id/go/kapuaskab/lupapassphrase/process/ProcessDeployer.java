package id.go.kapuaskab.lupapassphrase.process;

import id.go.kapuaskab.lupapassphrase.setup.SetupPhase;
import id.go.kapuaskab.lupapassphrase.setup.SetupStep.Phase;
import id.go.kapuaskab.lupapassphrase.setup.SetupStep;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * path, which neither form reference can name.) When any file changed, all are deployed again: the
 * process gets a new version that carries its forms; when nothing changed, nothing is deployed.
 */
@Component
@SetupPhase(Phase.DEPLOYMENT)
class ProcessDeployer implements SetupStep {

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
    deploy(processEngine.getRepositoryService(), DEPLOYMENT_NAME, readResources());
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
        .source("lupa-passphrase application")
        .enableDuplicateFiltering(false);
    resources.forEach((resourceName, bytes) -> builder.addInputStream(resourceName, new ByteArrayInputStream(bytes)));
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    LOG.info("Deployment '{}' ({}): {} resources {}", name, deployment.getId(), resources.size(),
        deployment.getDeployedProcessDefinitions() == null || deployment.getDeployedProcessDefinitions().isEmpty()
            ? "unchanged" : "deployed as a new version");
    return deployment;
  }
}
