package id.go.kapuaskab.lupapassphrase.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * One node at a time brings the schema up to date. Liquibase takes its own lock only after it has read
 * the changelog, and on a fresh database reading an include already creates its DATABASECHANGELOG
 * table: two nodes started together on an empty PostgreSQL database both create it, and one of them
 * fails to start ("relation databasechangelog already exists", liquibase/liquibase#2083). A PostgreSQL
 * advisory lock held around the whole migration makes the second node wait and then find nothing to
 * do. H2 is one process's database, and goes without.
 */
@Component
class SchemaMigrationLock implements BeanPostProcessor, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrationLock.class);
  private static final String KEY = "hashtext('lupa-passphrase schema')";

  private Connection holding;

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof SpringLiquibase liquibase) {
      holding = lock(liquibase.getDataSource());
    }
    return bean;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof SpringLiquibase) {
      release();
    }
    return bean;
  }

  /** A migration that failed: the context closes without the after-initialization call. */
  @Override
  public void destroy() {
    release();
  }

  private static Connection lock(DataSource dataSource) {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return null;
      }
      try (Statement statement = connection.createStatement()) {
        if (!isTrue(statement, "SELECT pg_try_advisory_lock(" + KEY + ")")) {
          LOG.info("Another node is bringing the schema up to date; waiting for it to finish");
          statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
        }
      }
      return connection;
    } catch (SQLException e) {
      throw new BeanInitializationException("Could not take the schema lock on PostgreSQL: " + e.getMessage(), e);
    }
  }

  private static boolean isTrue(Statement statement, String query) throws SQLException {
    try (ResultSet result = statement.executeQuery(query)) {
      return result.next() && result.getBoolean(1);
    }
  }

  /** Unlocked before the connection goes back to the pool, where its session, and a lock it held, lives on. */
  private synchronized void release() {
    if (holding == null) {
      return;
    }
    try (Connection connection = holding; Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      LOG.warn("Could not release the schema lock: {}", e.getMessage());
    } finally {
      holding = null;
    }
  }
}
