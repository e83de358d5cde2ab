package id.go.kapuaskab.lupapassphrase.security;

import id.go.kapuaskab.lupapassphrase.setup.SetupPhase;
import id.go.kapuaskab.lupapassphrase.setup.SetupStep.Phase;
import id.go.kapuaskab.lupapassphrase.setup.SetupStep;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Production only (no demo users): the administrator comes from the environment, and the
 * application does not start without a safe password. An existing administrator is left as it is,
 * so a password changed later in Admin is kept.
 */
@Component
@ConditionalOnProperty(name = "lupa-passphrase.demo.enabled", havingValue = "false", matchIfMissing = true)
@SetupPhase(Phase.USERS)
class AdminAccount implements SetupStep {

  private static final Logger LOG = LoggerFactory.getLogger(AdminAccount.class);

  private static final String FIRST_NAME = "Administrator";
  private static final String LAST_NAME = "Lupa Passphrase";

  private final AdminSettings settings;

  public AdminAccount(AdminSettings settings) {
    List<String> weaknesses = PasswordRules.weaknesses(describe(settings.username()), settings.password());
    if (!weaknesses.isEmpty()) {
      throw new UnsafeAdminPasswordException(weaknesses);
    }
    this.settings = settings;
  }

  @Override
  public void apply(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(settings.username()).count() > 0) {
      return;
    }
    User admin = identity.newUser(settings.username());
    admin.setFirstName(FIRST_NAME);
    admin.setLastName(LAST_NAME);
    admin.setPassword(settings.password());
    identity.saveUser(admin);
    identity.createMembership(settings.username(), Roles.ADMIN_GROUP);
    LOG.info("Administrator '{}' created from the environment", settings.username());
  }

  /** The administrator as the engine's password policy sees it (it refuses passwords with user data). */
  static User describe(String username) {
    User user = new UserEntity(username);
    user.setFirstName(FIRST_NAME);
    user.setLastName(LAST_NAME);
    return user;
  }
}
