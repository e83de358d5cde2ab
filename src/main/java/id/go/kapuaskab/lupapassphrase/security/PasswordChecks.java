package id.go.kapuaskab.lupapassphrase.security;

import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's password checks, each told to whoever listens on the thread that asked for it: the
 * login guard learns whether a login's password was compared and found wrong, matched, or was not
 * compared at all because the engine still holds the account's delay (then no guess was made). The
 * engine's own identity provider still does all the checking, the delays included.
 */
public class PasswordChecks extends AbstractProcessEnginePlugin {

  enum Outcome { MATCHED, WRONG, NOT_COMPARED }

  record Check(String userId, Outcome outcome) {
  }

  private static final ThreadLocal<Consumer<Check>> LISTENER = new ThreadLocal<>();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(ReportingIdentityProvider.class));
  }

  /** Every password check on this thread is told to the listener, until {@link #stopListening}. */
  static void listen(Consumer<Check> listener) {
    LISTENER.set(listener);
  }

  static void stopListening() {
    LISTENER.remove();
  }

  /** The engine's database identity provider, reporting what each password check found. */
  public static class ReportingIdentityProvider extends DbIdentityServiceProvider {

    @Override
    public boolean checkPassword(String userId, String password) {
      // read before the engine's check changes it; an unknown user is a guess all the same
      UserEntity user = userId == null ? null : findUserById(userId);
      boolean compared = password != null && (user == null || !isUserLocked(user));
      boolean matched = super.checkPassword(userId, password);
      Consumer<Check> listener = LISTENER.get();
      if (listener != null) {
        listener.accept(new Check(userId, matched ? Outcome.MATCHED : compared ? Outcome.WRONG : Outcome.NOT_COMPARED));
      }
      return matched;
    }
  }
}
