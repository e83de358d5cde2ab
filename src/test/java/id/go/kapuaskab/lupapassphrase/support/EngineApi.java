package id.go.kapuaskab.lupapassphrase.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The engine's REST API as a caller reaches it, through one of its two doors: /engine-rest with
 * HTTP Basic, or the webapps' own /camunda/api/engine with a logged-in session (what Tasklist and
 * Cockpit call). A rule about what callers may send holds at both.
 */
public interface EngineApi {

  ObjectMapper JSON = new ObjectMapper();

  /** A call to the engine API, path relative to it ("/task/…"), with a body of the content type (or null). */
  Answer send(String method, String path, String contentType, String body);

  /** A call with a body to send as JSON (or none). */
  default Answer call(String method, String path, Object body) {
    return send(method, path, "application/json", body == null ? null : json(body));
  }

  /** A POST of a multipart form of text parts, as the attachment and deployment endpoints take. */
  default Answer form(String path, Map<String, String> parts) {
    String boundary = "----engine-api-" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    parts.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
        .append(value).append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return send("POST", path, "multipart/form-data; boundary=" + boundary, body.toString());
  }

  record Answer(int status, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body.isEmpty() ? "null" : body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }

    /** The field a 400 names. */
    public String field() {
      JsonNode field = json().get("field");
      return field == null ? null : field.asText();
    }
  }

  /** The two doors. */
  enum Door {
    ENGINE_REST, WEBAPP_SESSION;

    /** The door opened for the user (password "demo"); webapp sessions log into the app the user may use. */
    public EngineApi as(int port, String userId) {
      return this == ENGINE_REST ? basic(port, userId) : session(port, userId);
    }
  }

  static EngineApi basic(int port, String userId) {
    return basic(port, userId, "demo");
  }

  static EngineApi basic(int port, String userId, String password) {
    HttpClient client = HttpClient.newHttpClient();
    String authorization = "Basic " + Base64.getEncoder()
        .encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
    return (method, path, contentType, body) -> {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + path))
          .header("Authorization", authorization).header("Content-Type", contentType)
          .header("Accept", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
          .build();
      return exchange(client, request);
    };
  }

  /** The request sent, its answer read. */
  static Answer exchange(HttpClient client, HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static EngineApi session(int port, String userId) {
    Browserless browser = new Browserless(port);
    boolean loggedIn = false;
    for (String app : new String[] {"tasklist", "cockpit", "admin"}) {
      if (browser.login(app, userId, "demo").statusCode() == 200) {
        loggedIn = true;
        break;
      }
    }
    if (!loggedIn) {
      throw new IllegalStateException(userId + " cannot log into any webapp");
    }
    // as the webapps do after logging in: the answer carries the CSRF token of the new session
    browser.get("/camunda/api/admin/auth/user/default");
    return (method, path, contentType, body) -> {
      HttpResponse<String> response = browser.send(method, "/camunda/api/engine/engine/default" + path, contentType, body);
      return new Answer(response.statusCode(), response.body());
    };
  }

  static String json(Object body) {
    try {
      return body instanceof String text ? text : JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
