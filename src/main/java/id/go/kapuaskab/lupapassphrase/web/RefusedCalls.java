package id.go.kapuaskab.lupapassphrase.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers and counts the calls the server's rules refused ({@code lupa_refused_calls_total}), by rule and status:
 * the rule is the class that refused, as docs/security.md names where each rule is enforced
 * (RequestRules, GuardedTaskService, CallerCommands, …). Jersey makes the exception mappers, not Spring,
 * so they count into Micrometer's global registry, which Spring Boot joins its own to.
 */
final class RefusedCalls {

  private static final Logger LOG = LoggerFactory.getLogger(RefusedCalls.class);

  private RefusedCalls() {
  }

  /**
   * The refusal in Camunda's error format ({@code type}, {@code message}, and what else the caller
   * needs), logged once at INFO and counted. The message names the rule, never a value that was sent.
   */
  static Response answer(RuntimeException refusal, int status, Map<String, String> more) {
    LOG.info("Call refused ({}): {}", status, refusal.getMessage());
    count(refusal, status);
    Map<String, String> body = new LinkedHashMap<>();
    body.put("type", refusal.getClass().getSimpleName());
    body.put("message", refusal.getMessage());
    body.putAll(more);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  private static void count(RuntimeException refusal, int status) {
    Counter.builder("lupa.refused.calls").description("Calls refused by the server's rules, by rule and HTTP status")
        .tags("rule", rule(refusal), "status", Integer.toString(status))
        .register(Metrics.globalRegistry).increment();
  }

  /** The simple name of the class that threw the refusal, a nested class by its outer class. */
  static String rule(Throwable refusal) {
    StackTraceElement[] trace = refusal.getStackTrace();
    if (trace.length == 0) {
      return "unknown";
    }
    String name = trace[0].getClassName();
    name = name.substring(name.lastIndexOf('.') + 1);
    int nested = name.indexOf('$');
    return nested < 0 ? name : name.substring(0, nested);
  }
}
