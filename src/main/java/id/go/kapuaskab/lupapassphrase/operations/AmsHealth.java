package id.go.kapuaskab.lupapassphrase.operations;

import id.go.kapuaskab.lupapassphrase.ams.AmsSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The health component "ams": DOWN when no connection to AMS opens, or when the last call to AMS
 * ended in a fault; with the address, whether it is reachable, the last success and the last error.
 * It is in no health group of its own accord: a node whose AMS is down still serves everything but
 * the AMS calls, which wait and retry; the operator may put it into the readiness group
 * (docs/operations.md), never into liveness, as restarting the node does not bring AMS back.
 */
@Component("amsHealthIndicator")
class AmsHealth implements HealthIndicator {

  private record Probe(long atNanos, boolean reachable, String problem) {
  }

  private final MeasuredAms calls;
  private final AmsSettings settings;
  private final Environment environment;
  private final Duration probeInterval;
  private Probe probe;

  AmsHealth(MeasuredAms calls, AmsSettings settings, Environment environment, OperationsSettings operations) {
    this.calls = calls;
    this.settings = settings;
    this.environment = environment;
    this.probeInterval = operations.amsProbeInterval();
  }

  @Override
  public Health health() {
    // a base URL that is a path is this application's (the local profile's sandbox AMS)
    String configured = settings.baseUrl();
    URI address = URI.create(configured.startsWith("/")
        ? "http://localhost:" + environment.getRequiredProperty("local.server.port") + configured : configured);
    Probe reached = probe(address);
    Health.Builder health = reached.reachable() && !calls.failing() ? Health.up() : Health.down();
    health.withDetail("address", address.getScheme() + "://" + address.getHost() + ":" + port(address))
        .withDetail("reachable", reached.reachable());
    if (reached.problem() != null) {
      health.withDetail("connection", reached.problem());
    }
    calls.lastSuccess().ifPresent(at -> health.withDetail("lastSuccess", at.toString()));
    calls.lastFault().ifPresent(fault -> {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("at", fault.at().toString());
      error.put("message", fault.message());
      health.withDetail("lastError", error);
    });
    return health.build();
  }

  /** Opens a connection to AMS, at most once per interval; a health check in between gets the last result. */
  private synchronized Probe probe(URI address) {
    long now = System.nanoTime();
    if (probe == null || now - probe.atNanos() >= probeInterval.toNanos()) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(address.getHost(), port(address)), (int) settings.connectTimeout().toMillis());
        probe = new Probe(now, true, null);
      } catch (IOException e) {
        probe = new Probe(now, false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      }
    }
    return probe;
  }

  private static int port(URI address) {
    if (address.getPort() != -1) {
      return address.getPort();
    }
    return "https".equalsIgnoreCase(address.getScheme()) ? 443 : 80;
  }
}
