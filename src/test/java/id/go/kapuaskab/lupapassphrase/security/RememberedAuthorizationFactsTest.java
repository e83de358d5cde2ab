package id.go.kapuaskab.lupapassphrase.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's commands take which groups have authorizations, and whether any revoke exists, from this
 * node's reading of once a second; a grant or a revoke holds all the same: at once when made on this node,
 * within seconds when made on another.
 */
class RememberedAuthorizationFactsTest extends IntegrationTest {

  /** MyBatis logs each statement of the engine's authorizations under this logger, at DEBUG. */
  private static final String STATEMENTS = AuthorizationEntity.class.getName();
  private static final Duration ANOTHER_NODES_CHANGE_HOLDS = Duration.ofSeconds(5);

  private final String user = "facts-user-" + UUID.randomUUID();
  private final String group = "facts-group-" + UUID.randomUUID();
  private final String definition = "facts-definition-" + UUID.randomUUID();

  @Autowired
  private JdbcTemplate jdbc;

  @AfterEach
  void removeTheAuthorizations() {
    AuthorizationService authorizations = engine.getAuthorizationService();
    authorizations.createAuthorizationQuery().resourceId(definition).list()
        .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
  }

  @Test
  void aGroupsFirstGrantAndARevokeMadeOnThisNodeHoldAtOnce() {
    awaitAFreshReading();
    assertThat(mayRead()).isFalse();

    save(Authorization.AUTH_TYPE_GRANT, null, group);
    assertThat(mayRead()).as("the group's first grant, read at once").isTrue();

    Authorization revoke = save(Authorization.AUTH_TYPE_REVOKE, user, null);
    assertThat(mayRead()).as("a revoke, while the reading said none exists").isFalse();

    engine.getAuthorizationService().deleteAuthorization(revoke.getId());
    assertThat(mayRead()).as("the honest path once the revoke is gone").isTrue();
  }

  @Test
  void aGrantAndARevokeMadeOnAnotherNodeHoldWithinSeconds() {
    awaitAFreshReading();
    // written straight to the database, as another node's commit is: this node's engine does not see it made
    insertAsAnotherNode(Authorization.AUTH_TYPE_GRANT, null, group);
    assertThat(within(ANOTHER_NODES_CHANGE_HOLDS, this::mayRead)).as("the group's first grant").isTrue();

    insertAsAnotherNode(Authorization.AUTH_TYPE_REVOKE, user, null);
    assertThat(within(ANOTHER_NODES_CHANGE_HOLDS, () -> !mayRead())).as("a revoke").isTrue();
  }

  @Test
  void aCommandThatChecksAuthorizationsNoLongerReadsTheFactsItself() {
    save(Authorization.AUTH_TYPE_GRANT, null, group);
    awaitAFreshReading();
    ListAppender<ILoggingEvent> statements = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(STATEMENTS);
    Level before = logger.getLevel();
    statements.start();
    logger.addAppender(statements);
    logger.setLevel(Level.DEBUG);
    try {
      for (int check = 0; check < 10; check++) {
        assertThat(mayRead()).isTrue();
      }
    } finally {
      logger.setLevel(before);
      logger.detachAppender(statements);
    }

    List<String> prepared = statements.list.stream().filter(event -> event.getFormattedMessage().contains("Preparing"))
        .map(ILoggingEvent::getLoggerName).toList();
    assertThat(prepared).as("the checks themselves, logged").filteredOn(name -> name.endsWith(".isUserAuthorizedForResource"))
        .hasSize(10);
    assertThat(prepared).filteredOn(name -> name.endsWith(".selectAuthorizedGroupIds") || name.endsWith(".selectRevokeAuthorization"))
        .isEmpty();
  }

  /** The engine's own check, in a command of its own, as every call of a person makes one. */
  private boolean mayRead() {
    return engine.getAuthorizationService().isUserAuthorized(user, List.of(group), Permissions.READ,
        Resources.PROCESS_DEFINITION, definition);
  }

  private Authorization save(int type, String userId, String groupId) {
    Authorization authorization = engine.getAuthorizationService().createNewAuthorization(type);
    authorization.setUserId(userId);
    authorization.setGroupId(groupId);
    authorization.setResource(Resources.PROCESS_DEFINITION);
    authorization.setResourceId(definition);
    if (type == Authorization.AUTH_TYPE_REVOKE) {
      authorization.removePermission(Permissions.READ);
    } else {
      authorization.addPermission(Permissions.READ);
    }
    return engine.getAuthorizationService().saveAuthorization(authorization);
  }

  private void insertAsAnotherNode(int type, String userId, String groupId) {
    int read = Permissions.READ.getValue();
    // a revoke stores the permissions it leaves, a grant those it gives (as the engine writes them)
    int permissions = type == Authorization.AUTH_TYPE_REVOKE ? Permissions.ALL.getValue() & ~read : read;
    jdbc.update("INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_) "
        + "VALUES (?, 1, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), type, groupId, userId,
        Resources.PROCESS_DEFINITION.resourceType(), definition, permissions);
  }

  /** Waits until the node has read the facts since the last change, so that its commands use the reading. */
  private void awaitAFreshReading() {
    try {
      Thread.sleep(RememberedAuthorizationFacts.READ_EVERY.multipliedBy(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean within(Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return true;
  }
}
