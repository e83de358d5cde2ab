package id.go.kapuaskab.lupapassphrase.benchmark;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows the engine keeps for good, per request: every history table and the byte arrays (letters, serialized
 * values), counted before and after a run and divided by the requests the run added. Read once every request of
 * the run has ended.
 */
final class HistoryRows {

  private static final String REQUESTS = "ACT_HI_PROCINST";

  private HistoryRows() {
  }

  /** Rows by table now. */
  static Map<String, Long> count(JdbcTemplate database) {
    Map<String, Long> rows = new HashMap<>();
    database.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) LIKE 'ACT\\_HI\\_%'"
        + " OR UPPER(TABLE_NAME) = 'ACT_GE_BYTEARRAY'", String.class).stream().map(String::toUpperCase).distinct()
        .forEach(table -> rows.put(table, database.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)));
    return rows;
  }

  /**
   * Rows per request the run between the two counts added, by table; tables it added none to left out, largest
   * first. The byte arrays of the deployment itself were there before.
   */
  static Map<String, Double> perRequest(Map<String, Long> before, Map<String, Long> after) {
    double requests = after.get(REQUESTS) - before.getOrDefault(REQUESTS, 0L);
    Map<String, Double> rows = new LinkedHashMap<>();
    after.entrySet().stream()
        .map(entry -> Map.entry(entry.getKey(), (entry.getValue() - before.getOrDefault(entry.getKey(), 0L)) / requests))
        .filter(entry -> entry.getValue() > 0)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(entry -> rows.put(entry.getKey(), entry.getValue()));
    return rows;
  }
}
