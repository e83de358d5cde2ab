package id.go.kapuaskab.lupapassphrase.security;

import java.util.function.Consumer;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's password checks, each told to whoever listens on the thread that asked for it: the
 * login guard learns whether a login's password was compared and found wrong, matched, or was not
 * compared at all because the engine still holds the account's delay (then no guess was made). And
 * every committed change to what a login stands for (a user, its password, a group, a membership),
 * told to the remembered logins. The engine's own identity provider still does all the checking, the
 * delays included, and all the writing.
 */
public class PasswordChecks extends AbstractProcessEnginePlugin {

  enum Outcome { MATCHED, WRONG, NOT_COMPARED }

  record Check(String userId, Outcome outcome) {
  }

  private static final ThreadLocal<Consumer<Check>> LISTENER = new ThreadLocal<>();

  private final RememberedLogins logins;

  public PasswordChecks(RememberedLogins logins) {
    this.logins = logins;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return ReportingIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new ReportingIdentityProvider(logins);
      }
    });
  }

  /** Every password check on this thread is told to the listener, until {@link #stopListening}. */
  static void listen(Consumer<Check> listener) {
    LISTENER.set(listener);
  }

  static void stopListening() {
    LISTENER.remove();
  }

  /** Tells the listener on this thread, if any, of a check. */
  static void tell(Check check) {
    Consumer<Check> listener = LISTENER.get();
    if (listener != null) {
      listener.accept(check);
    }
  }

  /** The engine's database identity provider, reporting what each password check found and what changed. */
  static class ReportingIdentityProvider extends DbIdentityServiceProvider {

    private final RememberedLogins logins;

    ReportingIdentityProvider(RememberedLogins logins) {
      this.logins = logins;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
      // read before the engine's check changes it; an unknown user is a guess all the same
      UserEntity user = userId == null ? null : findUserById(userId);
      boolean compared = password != null && (user == null || !isUserLocked(user));
      boolean matched = super.checkPassword(userId, password);
      tell(new Check(userId, matched ? Outcome.MATCHED : compared ? Outcome.WRONG : Outcome.NOT_COMPARED));
      return matched;
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
      return changed(super.saveUser(user));
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
      return changed(super.deleteUser(userId));
    }

    @Override
    public IdentityOperationResult saveGroup(Group group) {
      return changed(super.saveGroup(group));
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
      return changed(super.deleteGroup(groupId));
    }

    @Override
    public IdentityOperationResult saveTenant(Tenant tenant) {
      return changed(super.saveTenant(tenant));
    }

    @Override
    public IdentityOperationResult deleteTenant(String tenantId) {
      return changed(super.deleteTenant(tenantId));
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
      return changed(super.createMembership(userId, groupId));
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
      return changed(super.deleteMembership(userId, groupId));
    }

    @Override
    public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
      return changed(super.createTenantUserMembership(tenantId, userId));
    }

    @Override
    public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
      return changed(super.createTenantGroupMembership(tenantId, groupId));
    }

    @Override
    public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
      return changed(super.deleteTenantUserMembership(tenantId, userId));
    }

    @Override
    public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
      return changed(super.deleteTenantGroupMembership(tenantId, groupId));
    }

    /** Remembered logins go once the change commits; forgotten earlier, a login read before it could return. */
    private IdentityOperationResult changed(IdentityOperationResult result) {
      Context.getCommandContext().getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTED, committed -> logins.forgetEveryone());
      return result;
    }
  }
}
