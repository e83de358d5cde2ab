package id.go.kapuaskab.lupapassphrase.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The AMS contract, docs/ams-api.yaml, as a checker of real traffic: put it into a RestClient and it
 * validates every request sent and every answer received with swagger-request-validator.
 */
public final class AmsContract implements ClientHttpRequestInterceptor {

  public static final Path FILE = Path.of("docs/ams-api.yaml");

  /** Reading the file takes a while; a validator holds no state of a call, so one per base path serves all. */
  private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

  private final OpenApiInteractionValidator validator;
  private final List<Exchange> exchanges = new ArrayList<>();

  /** @param basePath where the API's paths start on the server, such as "/sandbox-ams" */
  public AmsContract(String basePath) {
    this.validator = VALIDATORS.computeIfAbsent(basePath, path -> OpenApiInteractionValidator
        .createForSpecificationUrl(FILE.toAbsolutePath().toUri().toString())
        .withBasePathOverride(path)
        .build());
  }

  /** One request and its answer (null when none came), each with what the validator found. */
  public record Exchange(String call, ValidationReport request, ValidationReport answer) {

    public String describe() {
      return call + "\n  request: " + request.getMessages() + "\n  answer: " + (answer == null ? "none" : answer.getMessages());
    }
  }

  @Override
  public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
      throws IOException {
    SimpleRequest.Builder sent = new SimpleRequest.Builder(request.getMethod().name(), request.getURI().getRawPath());
    request.getHeaders().forEach(sent::withHeader);
    if (body.length > 0) {
      sent.withBody(new String(body, StandardCharsets.UTF_8));
    }
    Request validated = sent.build();
    String call = request.getMethod() + " " + request.getURI().getRawPath();
    ValidationReport requestReport = validator.validateRequest(validated);
    ClientHttpResponse response;
    try {
      response = execution.execute(request, body);
    } catch (IOException noAnswer) {
      exchanges.add(new Exchange(call, requestReport, null));
      throw noAnswer;
    }
    byte[] answerBody = response.getBody().readAllBytes();
    SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.getStatusCode().value());
    response.getHeaders().forEach(answer::withHeader);
    if (answerBody.length > 0) {
      answer.withBody(new String(answerBody, StandardCharsets.UTF_8));
    }
    exchanges.add(new Exchange(call + " -> " + response.getStatusCode().value(), requestReport,
        validator.validateResponse(validated.getPath(), validated.getMethod(), answer.build())));
    return new Buffered(response, answerBody);
  }

  public List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** The exchanges whose request or answer broke the contract, described. */
  public List<String> violations() {
    return exchanges.stream()
        .filter(exchange -> exchange.request().hasErrors() || (exchange.answer() != null && exchange.answer().hasErrors()))
        .map(Exchange::describe).toList();
  }

  /** The exchanges whose answer broke the contract, for requests sent wrong on purpose. */
  public List<String> answerViolations() {
    return exchanges.stream()
        .filter(exchange -> exchange.answer() != null && exchange.answer().hasErrors())
        .map(Exchange::describe).toList();
  }

  /** The answer, its body read once for the validator and kept for the client. */
  private record Buffered(ClientHttpResponse response, byte[] body) implements ClientHttpResponse {

    @Override
    public HttpStatusCode getStatusCode() throws IOException {
      return response.getStatusCode();
    }

    @Override
    public String getStatusText() throws IOException {
      return response.getStatusText();
    }

    @Override
    public HttpHeaders getHeaders() {
      return response.getHeaders();
    }

    @Override
    public InputStream getBody() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public void close() {
      response.close();
    }
  }
}
