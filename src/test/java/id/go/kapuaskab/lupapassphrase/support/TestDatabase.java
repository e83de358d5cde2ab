package id.go.kapuaskab.lupapassphrase.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database the tests tagged {@value #TAG} run on: H2 in memory, or, in the second Surefire run of
 * {@code ./mvnw verify} ({@code -D}{@value #PROPERTY}{@code =postgresql}), a fresh PostgreSQL database
 * with the application's postgres profile, so that everything shown on H2 is shown on PostgreSQL too.
 * That run is skipped, or fails under CI_REQUIRE_TOOLS=1, where {@link PostgreSql} finds no server.
 */
public final class TestDatabase implements ActiveProfilesResolver, ExecutionCondition {

  /** The JUnit tag of the tests that run once on each database. */
  public static final String TAG = "database";
  public static final String PROPERTY = "lupapassphrase.test.database";
  public static final boolean POSTGRESQL = "postgresql".equals(System.getProperty(PROPERTY));

  private static PostgreSql.Database shared;

  /** The profiles of the shared test context: the local demo, the test settings, and postgres on that run. */
  @Override
  public String[] resolve(Class<?> testClass) {
    return POSTGRESQL ? new String[] {"local", "test", "postgres"} : new String[] {"local", "test"};
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return POSTGRESQL ? new PostgreSql().evaluateExecutionCondition(context)
        : ConditionEvaluationResult.enabled("on H2");
  }

  /** Points the shared test context at its PostgreSQL database, made once per JVM; on H2 nothing changes. */
  public static void register(DynamicPropertyRegistry registry) {
    if (POSTGRESQL) {
      sharedDatabase().springProperties().forEach((key, value) -> registry.add(key, () -> value));
    }
  }

  private static synchronized PostgreSql.Database sharedDatabase() {
    if (shared == null) {
      shared = PostgreSql.createDatabase("lupa_test");
    }
    return shared;
  }
}
