package id.go.kapuaskab.lupapassphrase.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * Counts the calls the server's rules refused ({@code lupa_refused_calls_total}), by rule and status:
 * the rule is the class that refused, as docs/security.md names where each rule is enforced
 * (RequestRules, GuardedTaskService, CallerCommands, …). Jersey makes the exception mappers, not Spring,
 * so they count into Micrometer's global registry, which Spring Boot joins its own to.
 */
final class RefusedCalls {

  private RefusedCalls() {
  }

  static void count(RuntimeException refusal, int status) {
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
