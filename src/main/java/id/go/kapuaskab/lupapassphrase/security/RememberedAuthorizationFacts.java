package id.go.kapuaskab.lupapassphrase.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.AuthorizationQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two facts about the authorizations that the engine reads again in every command that checks one: which groups
 * have any authorization (the others are left out of its checks) and, as authorizationCheckRevokes is "auto",
 * whether the caller is named by any revoke. On a busy node that is two statements before every call of a
 * person, 32 of the 340 statements a request ran on PostgreSQL. This node reads both facts once a second instead,
 * and its commands use that reading while it is fresh.
 * <p>
 * A change here that could make the reading wrong (an authorization of a group, or any revoke, made or
 * changed) sets it aside at once and again when its transaction commits, so until the next reading this
 * node's commands read the facts themselves, as the engine does. A change made on another node holds here
 * from this node's next reading, within about a second. A deletion never makes the reading wrong: a group
 * with no authorization left, or no revoke left, only makes the checks read rows that are no longer there.
 */
public final class RememberedAuthorizationFacts extends AbstractProcessEnginePlugin implements AutoCloseable {

  /** How often the facts are read. */
  static final Duration READ_EVERY = Duration.ofSeconds(1);
  /** A reading older than this (the reader stalled, or the database did not answer) is not used. */
  private static final Duration USED_FOR = READ_EVERY.multipliedBy(3);
  private static final Logger LOG = LoggerFactory.getLogger(RememberedAuthorizationFacts.class);

  /** What one reading found, and the changes counted when it began. */
  private record Reading(Set<String> groupsWithAuthorizations, boolean anyRevoke, long changesSeen, long readAt) {
  }

  private final AtomicLong changes = new AtomicLong();
  private volatile Reading reading;
  private ScheduledExecutorService reader;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>(Objects.requireNonNullElse(
        configuration.getCustomSessionFactories(), List.of()));
    // registered under the engine's own session type, so it takes the place of the engine's manager
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new Manager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String revokes = Objects.requireNonNullElse(configuration.getAuthorizationCheckRevokes(),
        ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO).toLowerCase(Locale.ROOT);
    if (!configuration.isAuthorizationEnabled() || !ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO.equals(revokes)) {
      return;
    }
    reader = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "authorization-facts");
      thread.setDaemon(true);
      return thread;
    });
    reader.scheduleWithFixedDelay(() -> read(configuration), 0, READ_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void read(ProcessEngineConfigurationImpl configuration) {
    long changesSeen = changes.get();
    try {
      // a command of the reader's thread, with no one logged in: the engine checks no authorization in it
      reading = configuration.getCommandExecutorTxRequired().execute(context -> {
        Set<String> groups = new HashSet<>();
        for (Object group : context.getDbEntityManager().selectList("selectAuthorizedGroupIds")) {
          if (group != null) {
            groups.add((String) group);
          }
        }
        AuthorizationQueryImpl revokes = new AuthorizationQueryImpl();
        revokes.authorizationType(Authorization.AUTH_TYPE_REVOKE);
        boolean anyRevoke = context.getAuthorizationManager().selectAuthorizationCountByQueryCriteria(revokes) > 0;
        return new Reading(Set.copyOf(groups), anyRevoke, changesSeen, System.nanoTime());
      });
    } catch (RuntimeException e) {
      // the commands read the facts themselves until a reading succeeds
      LOG.warn("Could not read which groups have authorizations: {}", e.toString());
    }
  }

  /** The reading, if it is fresh and no change here came after it began; null otherwise. */
  private Reading fresh() {
    Reading current = reading;
    if (current == null || current.changesSeen() != changes.get()
        || System.nanoTime() - current.readAt() > USED_FOR.toNanos()) {
      return null;
    }
    return current;
  }

  private void changed(AuthorizationEntity authorization) {
    if (authorization.getGroupId() == null && authorization.getAuthorizationType() != Authorization.AUTH_TYPE_REVOKE) {
      return;
    }
    changes.incrementAndGet();
    // a reading begun before the commit did not see the change
    Context.getCommandContext().getTransactionContext()
        .addTransactionListener(TransactionState.COMMITTED, committed -> changes.incrementAndGet());
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "the authorization facts every command reads, read once a second";
  }

  /** The engine's authorization manager, for one command, taking the two facts from a fresh reading. */
  private final class Manager extends AuthorizationManager {

    @Override
    protected Set<String> getAllGroups() {
      Reading current;
      if (availableAuthorizedGroupIds == null && (current = fresh()) != null) {
        // unmodifiable, and shared: the engine only reads it (it intersects a copy with the caller's groups)
        availableAuthorizedGroupIds = current.groupsWithAuthorizations();
      }
      return super.getAllGroups();
    }

    @Override
    protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
      Reading current;
      if (isRevokeAuthCheckUsed == null && (current = fresh()) != null && !current.anyRevoke()) {
        isRevokeAuthCheckUsed = false;
      }
      return super.isRevokeAuthCheckEnabled(userId, groupIds);
    }

    @Override
    public void insert(DbEntity authorization) {
      super.insert(authorization);
      changed((AuthorizationEntity) authorization);
    }

    @Override
    public void update(AuthorizationEntity authorization) {
      super.update(authorization);
      changed(authorization);
    }
  }
}
