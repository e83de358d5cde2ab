package id.go.kapuaskab.lupapassphrase.operations;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;

/** The actuator over HTTP, as a load balancer, an operator with curl or Prometheus asks it. */
final class Actuator {

  static final String OPERATOR = DemoPeople.OKI.userId();
  static final String PASSWORD = "demo";

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String clientAddress;

  Actuator(int port) {
    this(port, null);
  }

  private Actuator(int port, String clientAddress) {
    this.baseUrl = "http://localhost:" + port;
    this.clientAddress = clientAddress;
  }

  /**
   * Calls from a client address of their own, as the reverse proxy names it: wrong passwords count per client
   * (LoginGuard), and the shared test context's other tests log in from this host.
   */
  static Actuator from(int port, String clientAddress) {
    return new Actuator(port, clientAddress);
  }

  /** Without credentials. */
  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)));
  }

  HttpResponse<String> get(String path, String user, String password) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header(HttpHeaders.AUTHORIZATION, "Basic " + HttpHeaders.encodeBasicAuth(user, password, StandardCharsets.UTF_8)));
  }

  /** The metrics as the operator's Prometheus reads them. */
  Scrape scrape() {
    HttpResponse<String> page = get("/actuator/prometheus", OPERATOR, PASSWORD);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return new Scrape(page.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    if (clientAddress != null) {
      request.header("X-Forwarded-For", clientAddress);
    }
    try {
      return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One page of Prometheus' text format. */
  record Scrape(String text) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$",
        Pattern.MULTILINE);

    /** The value of the one sample of that name carrying these labels (name="value" pairs, as written). */
    double value(String name, String... labels) {
      List<Double> values = values(name, labels);
      assertThat(values).as("samples of %s with %s", name, List.of(labels)).hasSize(1);
      return values.get(0);
    }

    /** A counter made at its first count: its value, or 0 before it was made. */
    double valueOrZero(String name, String... labels) {
      return values(name, labels).stream().mapToDouble(Double::doubleValue).sum();
    }

    private List<Double> values(String name, String... labels) {
      List<Double> values = new ArrayList<>();
      Matcher sample = SAMPLE.matcher(text);
      while (sample.find()) {
        String written = sample.group(2) == null ? "" : sample.group(2);
        if (sample.group(1).equals(name) && List.of(labels).stream().allMatch(label -> written.contains(label))) {
          values.add(Double.parseDouble(sample.group(3)));
        }
      }
      return values;
    }
  }
}
