package id.go.kapuaskab.lupapassphrase.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows the engine keeps for good, per request: every history table and the byte arrays (letters, serialized
 * values), divided by the requests the database holds. Read once every request of a run has ended.
 */
final class HistoryRows {

  private HistoryRows() {
  }

  /** Rows per request by table, tables without rows left out, largest first. */
  static Map<String, Double> perRequest(JdbcTemplate database) {
    long requests = database.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Long.class);
    List<String> tables = database.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME)"
        + " LIKE 'ACT\\_HI\\_%' OR UPPER(TABLE_NAME) = 'ACT_GE_BYTEARRAY'", String.class);
    Map<String, Double> rows = new LinkedHashMap<>();
    tables.stream().map(String::toUpperCase).distinct()
        .map(table -> Map.entry(table, database.queryForObject("SELECT COUNT(*) FROM " + table, Long.class) / (double) requests))
        .filter(entry -> entry.getValue() > 0)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(entry -> rows.put(entry.getKey(), entry.getValue()));
    return rows;
  }
}
