package id.go.kapuaskab.lupapassphrase.demo;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.GROUP_ADMINS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.GROUP_APPLICANTS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.GROUP_AUDITORS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.GROUP_SUPERVISORS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.GROUP_VERIFIERS;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Creates the demo users and groups of the local profile, once; never in production. */
@Component
@ConditionalOnProperty(name = "lupa-passphrase.demo.enabled", havingValue = "true")
public class DemoIdentities extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DemoIdentities.class);
  private static final Map<String, String> GROUPS = Map.of(
      GROUP_APPLICANTS, "Pemohon",
      GROUP_VERIFIERS, "Verifikator",
      GROUP_SUPERVISORS, "Kepala Bidang",
      GROUP_AUDITORS, "Auditor",
      GROUP_ADMINS, "Administrator Camunda");

  private final String password;

  public DemoIdentities(@Value("${lupa-passphrase.demo.password}") String password) {
    this.password = password;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    LOG.warn("LOCAL DEMO MODE: demo users with the known password from the README exist; "
        + "never run this profile with real people's data.");
    IdentityService identity = processEngine.getIdentityService();
    GROUPS.forEach((id, name) -> {
      if (identity.createGroupQuery().groupId(id).count() == 0) {
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType("WORKFLOW");
        identity.saveGroup(group);
      }
    });
    DemoPeople.ALL.stream().filter(DemoPerson::hasAccount).forEach(person -> {
      if (identity.createUserQuery().userId(person.userId()).count() == 0) {
        User user = identity.newUser(person.userId());
        user.setFirstName(person.firstName());
        user.setLastName(person.lastName());
        user.setEmail(person.email());
        user.setPassword(password);
        identity.saveUser(user);
        person.groups().forEach(group -> identity.createMembership(person.userId(), group));
      }
    });
  }
}
