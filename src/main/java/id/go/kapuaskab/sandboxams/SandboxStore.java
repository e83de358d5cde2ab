package id.go.kapuaskab.sandboxams;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.go.kapuaskab.lupapassphrase.ams.api.CertificateStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the sandbox AMS remembers, in a database of its own (not the engine's: it stands in for
 * another system), so that it keeps its holders, resets, idempotency keys, outbox and the calls it
 * received across its own restart or crash: a call repeated after a crash gets the first answer, and
 * no second mail. By default an H2 file beside the application's (./data/sandbox-ams), written at
 * every commit; any JDBC URL of H2 or PostgreSQL will do ({@code lupa-passphrase.ams.sandbox.store-url}).
 * Its tables come from db/sandbox-ams-changelog.xml, applied when the store opens.
 */
class SandboxStore implements AutoCloseable {

  private static final String CHANGELOG = "classpath:db/sandbox-ams-changelog.xml";

  record Reset(String id, String token, String nik, Instant requestedAt, boolean used) {
  }

  private static final RowMapper<SandboxHolder> HOLDER = (row, i) -> new SandboxHolder(row.getString("NIK"),
      row.getString("EMAIL"), row.getString("NAME"), CertificateStatus.valueOf(row.getString("STATUS")),
      instant(row.getObject("VALID_FROM", Long.class)), instant(row.getObject("VALID_TO", Long.class)));
  private static final RowMapper<Reset> RESET = (row, i) -> new Reset(row.getString("ID"), row.getString("TOKEN"),
      row.getString("NIK"), Instant.ofEpochMilli(row.getLong("REQUESTED_AT")), row.getBoolean("USED"));
  private static final RowMapper<SandboxMail> MAIL = (row, i) -> new SandboxMail(row.getString("RECIPIENT"),
      row.getString("SUBJECT"), row.getString("BODY"), row.getString("LINK"), Instant.ofEpochMilli(row.getLong("SENT_AT")));
  private static final RowMapper<SandboxApiCall> CALL = (row, i) -> new SandboxApiCall(row.getLong("SEQ"),
      Instant.ofEpochMilli(row.getLong("RECEIVED_AT")), row.getString("OPERATION"), row.getString("IDEMPOTENCY_KEY"),
      row.getInt("STATUS"));
  private static final String RESET_COLUMNS = "SELECT ID, TOKEN, NIK, REQUESTED_AT, USED FROM SANDBOX_RESET";

  private final HikariDataSource dataSource;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  private SandboxStore(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /** Opens the store at the JDBC URL, creating or upgrading its tables. */
  static SandboxStore open(String url) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("sandbox-ams-store");
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(4);
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      SpringLiquibase liquibase = new SpringLiquibase();
      liquibase.setDataSource(dataSource);
      liquibase.setChangeLog(CHANGELOG);
      liquibase.setResourceLoader(new DefaultResourceLoader());
      liquibase.afterPropertiesSet();
    } catch (Exception e) {
      dataSource.close();
      throw new IllegalStateException("Cannot open the sandbox AMS's store at " + url + ": " + e.getMessage(), e);
    }
    return new SandboxStore(dataSource);
  }

  /** Runs the work in one transaction: all of it is stored, or none. */
  <T> T inTransaction(Supplier<T> work) {
    return transactions.execute(status -> work.get());
  }

  void addHolderIfMissing(SandboxHolder holder) {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM SANDBOX_HOLDER WHERE NIK = ?", Integer.class, holder.nik()) == 0) {
      jdbc.update("INSERT INTO SANDBOX_HOLDER (NIK, EMAIL, NAME, STATUS, VALID_FROM, VALID_TO) VALUES (?, ?, ?, ?, ?, ?)",
          holder.nik(), holder.email(), holder.name(), holder.status().name(), millis(holder.validFrom()),
          millis(holder.validTo()));
    }
  }

  Optional<SandboxHolder> holderByNik(String nik) {
    return jdbc.query("SELECT * FROM SANDBOX_HOLDER WHERE NIK = ?", HOLDER, nik).stream().findFirst();
  }

  Optional<SandboxHolder> holderByEmail(String email) {
    return jdbc.query("SELECT * FROM SANDBOX_HOLDER WHERE LOWER(EMAIL) = LOWER(?) ORDER BY NIK", HOLDER, email)
        .stream().findFirst();
  }

  void updateCertificate(String nik, CertificateStatus status, Instant validFrom, Instant validTo) {
    jdbc.update("UPDATE SANDBOX_HOLDER SET STATUS = ?, VALID_FROM = ?, VALID_TO = ? WHERE NIK = ?", status.name(),
        millis(validFrom), millis(validTo), nik);
  }

  Optional<Reset> resetForKey(String idempotencyKey) {
    return jdbc.query(RESET_COLUMNS + " WHERE ID = (SELECT RESET_ID FROM SANDBOX_IDEMPOTENCY_KEY WHERE IDEMPOTENCY_KEY = ?)",
        RESET, idempotencyKey).stream().findFirst();
  }

  Optional<Reset> resetByToken(String token) {
    return jdbc.query(RESET_COLUMNS + " WHERE TOKEN = ?", RESET, token).stream().findFirst();
  }

  Optional<Reset> newestOpenReset(String nik) {
    return jdbc.query(RESET_COLUMNS + " WHERE NIK = ? AND USED = FALSE ORDER BY SEQ DESC", RESET, nik).stream().findFirst();
  }

  void addReset(Reset reset) {
    jdbc.update("INSERT INTO SANDBOX_RESET (ID, TOKEN, NIK, REQUESTED_AT, USED) VALUES (?, ?, ?, ?, ?)", reset.id(),
        reset.token(), reset.nik(), reset.requestedAt().toEpochMilli(), reset.used());
  }

  void markUsed(Reset reset) {
    jdbc.update("UPDATE SANDBOX_RESET SET USED = TRUE WHERE ID = ?", reset.id());
  }

  void rememberKey(String idempotencyKey, Reset reset) {
    jdbc.update("INSERT INTO SANDBOX_IDEMPOTENCY_KEY (IDEMPOTENCY_KEY, RESET_ID) VALUES (?, ?)", idempotencyKey, reset.id());
  }

  long resetCount(String nik) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM SANDBOX_RESET WHERE NIK = ?", Long.class, nik);
  }

  void addMail(SandboxMail mail) {
    jdbc.update("INSERT INTO SANDBOX_MAIL (RECIPIENT, SUBJECT, BODY, LINK, SENT_AT) VALUES (?, ?, ?, ?, ?)", mail.to(),
        mail.subject(), mail.body(), mail.link(), mail.sentAt().toEpochMilli());
  }

  List<SandboxMail> mails() {
    return jdbc.query("SELECT * FROM SANDBOX_MAIL ORDER BY SEQ", MAIL);
  }

  void addCall(Instant receivedAt, String operation, String idempotencyKey, int status) {
    jdbc.update("INSERT INTO SANDBOX_CALL (RECEIVED_AT, OPERATION, IDEMPOTENCY_KEY, STATUS) VALUES (?, ?, ?, ?)",
        receivedAt.toEpochMilli(), operation, idempotencyKey, status);
  }

  long lastCallNumber() {
    return jdbc.queryForObject("SELECT COALESCE(MAX(SEQ), 0) FROM SANDBOX_CALL", Long.class);
  }

  List<SandboxApiCall> callsAfter(long number) {
    return jdbc.query("SELECT * FROM SANDBOX_CALL WHERE SEQ > ? ORDER BY SEQ", CALL, number);
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  private static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
