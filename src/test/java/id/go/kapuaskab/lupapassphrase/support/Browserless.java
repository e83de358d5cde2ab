package id.go.kapuaskab.lupapassphrase.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A webapp session as a browser keeps it, without the browser: cookies (session, XSRF-TOKEN) kept
 * between calls, and the CSRF token sent back the way the webapps' JavaScript does.
 */
public final class Browserless {

  private final String baseUrl;
  private final CookieManager cookies;
  private final HttpClient client;
  private final String clientAddress;

  public Browserless(int port) {
    this(port, new CookieManager(), null);
  }

  private Browserless(int port, CookieManager cookies, String clientAddress) {
    this.baseUrl = "http://localhost:" + port;
    this.cookies = cookies;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    this.clientAddress = clientAddress;
  }

  /** A browser at this client address, as the reverse proxy in front of the application names it (X-Forwarded-For). */
  public static Browserless from(int port, String clientAddress) {
    return new Browserless(port, new CookieManager(), clientAddress);
  }

  /** The same browser (its cookies: session, XSRF-TOKEN) talking to another node of the same host. */
  public Browserless on(int port) {
    return new Browserless(port, cookies, clientAddress);
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  /** Logs into a webapp (tasklist, cockpit, admin) as its login page does. */
  public HttpResponse<String> login(String app, String user, String password) {
    get("/camunda/app/" + app + "/");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send(withCsrf(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  public HttpResponse<String> postJson(String path, String json, boolean sendCsrfToken) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    return send(sendCsrfToken ? withCsrf(request) : request);
  }

  /** Any call with a body of the given type (or none), the CSRF token sent as the webapps' JavaScript sends it. */
  public HttpResponse<String> send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", contentType).header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return send(withCsrf(request));
  }

  /** Like {@link #send}, the body sent in chunks without a declared length (Transfer-Encoding: chunked). */
  public HttpResponse<String> sendChunked(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", contentType).header("Accept", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    return send(withCsrf(request));
  }

  public Optional<HttpCookie> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
  }

  private HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
    cookie("XSRF-TOKEN").ifPresent(token -> request.header("X-XSRF-TOKEN", token.getValue()));
    return request;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    if (clientAddress != null) {
      request.header("X-Forwarded-For", clientAddress);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
