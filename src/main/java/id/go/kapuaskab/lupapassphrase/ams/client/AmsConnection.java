package id.go.kapuaskab.lupapassphrase.ams.client;

import id.go.kapuaskab.lupapassphrase.ams.AmsSettings;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP connection to AMS as the settings describe it: timeouts and credentials. It runs on the
 * JDK's HTTP client, which never sends a POST twice by itself (HttpURLConnection may, on a dropped
 * keep-alive connection); retrying is the job's business, under the idempotency key.
 */
public final class AmsConnection {

  /**
   * Writes the bodies of the calls: Spring hands each body to a thread of this executor, and left to itself
   * starts a new thread per call (SimpleAsyncTaskExecutor), which the profile showed as two threads started per
   * request. These are kept a minute and reused.
   */
  private static final Executor BODY_WRITERS = Executors.newCachedThreadPool(writer -> {
    Thread thread = new Thread(writer, "ams-body-writer");
    thread.setDaemon(true);
    return thread;
  });

  private AmsConnection() {
  }

  public static RestClient.Builder restClient(AmsSettings settings) {
    HttpClient jdkClient = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(jdkClient, BODY_WRITERS);
    requestFactory.setReadTimeout(settings.readTimeout());
    return RestClient.builder()
        .requestFactory(requestFactory)
        .defaultHeaders(headers -> authenticate(headers, settings));
  }

  private static void authenticate(HttpHeaders headers, AmsSettings settings) {
    boolean bearer = present(settings.bearerToken());
    boolean basic = present(settings.username());
    if (bearer == basic) {
      throw new IllegalStateException("AMS credentials: set either lupa-passphrase.ams.username and "
          + "lupa-passphrase.ams.password, or lupa-passphrase.ams.bearer-token");
    }
    if (bearer) {
      headers.setBearerAuth(settings.bearerToken());
    } else {
      headers.setBasicAuth(settings.username(), settings.password() == null ? "" : settings.password(),
          StandardCharsets.UTF_8);
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
