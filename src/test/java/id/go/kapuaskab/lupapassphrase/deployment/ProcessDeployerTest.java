package id.go.kapuaskab.lupapassphrase.deployment;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.Users;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** bpmn/ and forms/ are deployed from where they stand; a change becomes a new version, no change none. */
class ProcessDeployerTest extends IntegrationTest {

  @Autowired
  private ProcessDeployer deployer;

  @Test
  void deploysTheDiagramAndEveryFormUnderTheirFolderNames() {
    assertThat(deployer.readResources()).containsOnlyKeys("bpmn/lupa-passphrase.bpmn",
        "forms/submit-request.html", "forms/verify-request.html", "forms/confirm-link-received.form",
        "forms/set-new-passphrase.form", "forms/review-ams-refusal.form", "forms/open-request.form");
  }

  @Test
  void anUnchangedStartDeploysNothingAndAChangedFormANewVersion() {
    RepositoryService repository = engine.getRepositoryService();
    ProcessDefinition current = latest(repository);

    DeploymentWithDefinitions unchanged = deployer.deploy(repository, ProcessDeployer.DEPLOYMENT_NAME, deployer.readResources());
    assertThat(unchanged.getId()).isEqualTo(current.getDeploymentId());
    assertThat(latest(repository).getVersion()).isEqualTo(current.getVersion());

    Map<String, byte[]> changed = new LinkedHashMap<>(deployer.readResources());
    String form = new String(changed.get("forms/set-new-passphrase.form"), StandardCharsets.UTF_8);
    changed.put("forms/set-new-passphrase.form",
        form.replace("Saya sudah membuat passphrase baru di AMS", "Passphrase baru sudah saya buat di AMS")
            .getBytes(StandardCharsets.UTF_8));
    DeploymentWithDefinitions next = deployer.deploy(repository, ProcessDeployer.DEPLOYMENT_NAME, changed);
    try {
      assertThat(next.getId()).isNotEqualTo(current.getDeploymentId());
      assertThat(latest(repository).getVersion()).isEqualTo(current.getVersion() + 1);
      assertThat(repository.getDeploymentResourceNames(next.getId())).hasSize(changed.size());
    } finally {
      repository.deleteDeployment(next.getId(), true);
    }
    assertThat(latest(repository).getId()).isEqualTo(current.getId());
  }

  @Test
  void theAppsStartLeavesTheVersionTheProcessOwnerDeployedInServiceWhileItsOwnFilesAreUnchanged() {
    RepositoryService repository = engine.getRepositoryService();
    ProcessDefinition current = latest(repository);
    String diagram = new String(deployer.readResources().get("bpmn/lupa-passphrase.bpmn"), StandardCharsets.UTF_8)
        .replace(">PT10M<", ">PT12M<");
    String owners = Users.as(engine, DemoPeople.PUTU.userId(), () -> repository.createDeployment()
        .name(PROCESS_KEY).source("Camunda Modeler")
        .addString("lupa-passphrase.bpmn", diagram).deploy().getId());
    try {
      deployer.apply(engine);

      assertThat(latest(repository).getDeploymentId()).isEqualTo(owners);
      assertThat(latest(repository).getVersion()).isEqualTo(current.getVersion() + 1);
    } finally {
      repository.deleteDeployment(owners, true);
    }
    assertThat(latest(repository).getId()).isEqualTo(current.getId());
  }

  private static ProcessDefinition latest(RepositoryService repository) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion().singleResult();
  }
}
