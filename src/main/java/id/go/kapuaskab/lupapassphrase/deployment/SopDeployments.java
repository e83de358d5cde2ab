package id.go.kapuaskab.lupapassphrase.deployment;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;

import id.go.kapuaskab.lupapassphrase.process.FormFiles;
import id.go.kapuaskab.lupapassphrase.process.Groups;
import id.go.kapuaskab.lupapassphrase.security.RefusedCallException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ResourceTypes;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every new deployment that touches the SOP — its diagram, or forms — is made whole and checked
 * before the engine parses it, whoever sends it (Camunda Modeler, REST, Cockpit, the application's own
 * start):
 * <ol>
 *   <li>a form sent without its folder (the Modeler sends {@code submit-request.html}) is stored under
 *       the name the diagram uses, {@code forms/submit-request.html};</li>
 *   <li>what the deployment lacks of the SOP is taken from the version it replaces: the diagram for a
 *       deployment of forms alone, the forms for a deployment of the diagram alone. So each version
 *       carries every file it runs with, and a deployment never half-works;</li>
 *   <li>the whole is checked by {@link DiagramRules}; one rule broken refuses the deployment with 400,
 *       naming file, element and rule, and nothing is deployed.</li>
 * </ol>
 * The process owner may deploy the SOP's diagram and forms only: any other file is refused.
 * A pre-deployer of the engine: it runs inside the deployment's transaction, before the BPMN parser.
 */
public class SopDeployments implements Deployer {

  private static final Logger LOG = LoggerFactory.getLogger(SopDeployments.class);

  private final DiagramRules rules;

  public SopDeployments(DiagramRules rules) {
    this.rules = rules;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // a deployment read back into the cache was checked when it was made
    }
    CommandContext context = Context.getCommandContext();
    boolean processOwner = isProcessOwner(context);
    Map<String, ResourceEntity> resources = new LinkedHashMap<>(deployment.getResources());
    String diagram = null;
    boolean forms = false;
    List<String> foreign = new ArrayList<>();
    for (ResourceEntity resource : resources.values()) {
      if (isForm(resource.getName())) {
        forms = true;
      } else if (isSopDiagram(resource)) {
        diagram = resource.getName();
      } else {
        foreign.add(resource.getName());
      }
    }
    if (processOwner && !foreign.isEmpty()) {
      throw refused(foreign.stream().map(name -> new Refusal(name, null, "pemilik proses hanya boleh memasang diagram "
          + "SOP (proses " + PROCESS_KEY + ") dan formulirnya (.form, .html)")).toList());
    }
    if (diagram == null && !forms) {
      return; // not the SOP's: another process of the administrator's or of a test
    }
    Map<String, ResourceEntity> whole = withFormsInTheirFolder(resources);
    diagram = completeFromLatestVersion(context, deployment, whole, diagram);
    if (diagram == null) {
      throw refused(List.of(new Refusal(whole.keySet().iterator().next(), null,
          "formulir tanpa diagram SOP, dan belum ada versi SOP yang terpasang untuk dipakai bersamanya")));
    }
    Map<String, byte[]> files = whole.values().stream()
        .collect(Collectors.toMap(ResourceEntity::getName, ResourceEntity::getBytes, (a, b) -> a, LinkedHashMap::new));
    List<Refusal> refusals = rules.check(diagram, files, id -> latestCamundaForm(context, id));
    if (!refusals.isEmpty()) {
      throw refused(refusals);
    }
    deployment.setResources(whole);
    LOG.info("Deployment '{}' of the SOP checked: {}", deployment.getName(), whole.keySet());
  }

  private static boolean isProcessOwner(CommandContext context) {
    List<String> groups = context.getAuthenticatedGroupIds();
    return context.getAuthenticatedUserId() != null && groups != null && groups.contains(Groups.PROCESS_OWNERS)
        && !groups.contains(Groups.ADMINS);
  }

  static boolean isForm(String name) {
    return name.endsWith(".form") || name.endsWith(".html");
  }

  private static boolean isSopDiagram(ResourceEntity resource) {
    if (!resource.getName().endsWith(".bpmn") && !resource.getName().endsWith(".bpmn20.xml")) {
      return false;
    }
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()))
          .getModelElementById(PROCESS_KEY) instanceof Process;
    } catch (RuntimeException e) {
      return false; // the engine's parser says what is wrong with it
    }
  }

  /** The resources, each form under forms/ by its file name, as the diagram names them. */
  private static Map<String, ResourceEntity> withFormsInTheirFolder(Map<String, ResourceEntity> resources) {
    Map<String, ResourceEntity> named = new LinkedHashMap<>();
    for (ResourceEntity resource : resources.values()) {
      if (isForm(resource.getName()) && !resource.getName().contains("/")) {
        resource.setName(DiagramRules.FORMS_FOLDER + resource.getName());
      }
      if (named.put(resource.getName(), resource) != null) {
        throw refused(List.of(new Refusal(resource.getName(), null, "berkas ini dikirim dua kali")));
      }
    }
    return named;
  }

  /**
   * Adds from the latest version of the SOP what the deployment lacks: its diagram, and each form the
   * deployment does not replace (by name, or a Camunda Form by its id). Answers the diagram's name.
   */
  private static String completeFromLatestVersion(CommandContext context, DeploymentEntity deployment,
      Map<String, ResourceEntity> whole, String diagram) {
    ProcessDefinitionEntity latest = context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(PROCESS_KEY);
    if (latest == null) {
      return diagram;
    }
    List<String> formIds = whole.values().stream().filter(resource -> resource.getName().endsWith(".form"))
        .map(resource -> FormFiles.camundaFormId(text(resource))).flatMap(Optional::stream).toList();
    String completed = diagram;
    for (ResourceEntity previous : context.getResourceManager().findResourcesByDeploymentId(latest.getDeploymentId())) {
      boolean take;
      if (previous.getName().equals(latest.getResourceName())) {
        take = diagram == null;
        completed = take ? previous.getName() : completed;
      } else {
        take = isForm(previous.getName()) && !whole.containsKey(previous.getName())
            && FormFiles.camundaFormId(text(previous)).filter(formIds::contains).isEmpty();
      }
      if (take) {
        whole.put(previous.getName(), copy(context, deployment, previous));
      }
    }
    return completed;
  }

  private static ResourceEntity copy(CommandContext context, DeploymentEntity deployment, ResourceEntity previous) {
    ResourceEntity resource = new ResourceEntity();
    resource.setName(previous.getName());
    resource.setBytes(previous.getBytes());
    resource.setDeploymentId(deployment.getId());
    resource.setType(ResourceTypes.REPOSITORY.getValue());
    resource.setCreateTime(ClockUtil.getCurrentTime());
    context.getResourceManager().insertResource(resource);
    return resource;
  }

  private static Optional<String> latestCamundaForm(CommandContext context, String id) {
    CamundaFormDefinitionEntity form = context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(id);
    if (form == null) {
      return Optional.empty();
    }
    ResourceEntity resource = context.getResourceManager()
        .findResourceByDeploymentIdAndResourceName(form.getDeploymentId(), form.getResourceName());
    return Optional.ofNullable(resource).map(SopDeployments::text);
  }

  private static String text(ResourceEntity resource) {
    return new String(resource.getBytes(), StandardCharsets.UTF_8);
  }

  private static RefusedCallException refused(List<Refusal> refusals) {
    return new RefusedCallException(RefusedCallException.BAD_REQUEST, "Deployment ditolak, tidak ada yang dipasang: "
        + refusals.stream().map(Refusal::toString).collect(Collectors.joining("; ")));
  }
}
