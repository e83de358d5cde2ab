package id.go.kapuaskab.lupapassphrase.demo;

import id.go.kapuaskab.lupapassphrase.setup.SetupPhase;
import id.go.kapuaskab.lupapassphrase.setup.SetupStep.Phase;
import id.go.kapuaskab.lupapassphrase.setup.SetupStep;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Creates the demo users of the local profile, once, in the groups {@link id.go.kapuaskab.lupapassphrase.security.Roles} sets up. */
@Component
@ConditionalOnProperty(name = "lupa-passphrase.demo.enabled", havingValue = "true")
@SetupPhase(Phase.USERS)
class DemoIdentities implements SetupStep {

  private static final Logger LOG = LoggerFactory.getLogger(DemoIdentities.class);

  private final String password;

  public DemoIdentities(@Value("${lupa-passphrase.demo.password}") String password) {
    this.password = password;
  }

  @Override
  public void apply(ProcessEngine processEngine) {
    LOG.warn("LOCAL DEMO MODE: demo users with the known password from the README exist; "
        + "never run this profile with real people's data.");
    IdentityService identity = processEngine.getIdentityService();
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
