package id.go.kapuaskab.lupapassphrase.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import id.go.kapuaskab.lupapassphrase.security.PasswordChecks.Check;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds password guessing per client, before the engine is asked: after
 * {@link LoginSettings#maxFailuresPerClient} wrong passwords from one client address within
 * {@link LoginSettings#clientWindow}, every login of that client (a request carrying HTTP Basic
 * credentials, the webapps' login) answers 429 with Retry-After until the window ends, and its
 * password is not checked. Other clients, the account's owner among them, log in as before.
 * <p>
 * Only a password the engine compared and found wrong counts ({@link PasswordChecks}): an attempt
 * while the engine delays the account is no guess. A correct password clears that client's failures
 * for the same user (a mistyped password), not those for others, so a caller with an account of their
 * own cannot reset the count by logging in between guesses. Each node counts on its own, in memory, on
 * the engine's clock; the engine's delay per account is in the shared database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class LoginGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(LoginGuard.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WEBAPP_LOGIN = ".*/api/admin/auth/user/[^/]+/login/[^/]+";
  private static final String BASIC = "basic ";

  private final int maxFailures;
  private final Duration window;
  private final Cache<String, Failures> failures;
  private final Counter wrongPasswords;
  private final Counter refusedLogins;

  public LoginGuard(LoginSettings settings, MeterRegistry registry) {
    this.wrongPasswords = Counter.builder("lupa.login.failures")
        .description("Wrong passwords the engine compared, at every door").register(registry);
    this.refusedLogins = Counter.builder("lupa.login.refused")
        .description("Logins answered 429 because their client sent too many wrong passwords").register(registry);
    this.maxFailures = settings.maxFailuresPerClient();
    this.window = settings.clientWindow();
    this.failures = Caffeine.newBuilder()
        .maximumSize(settings.clientsRemembered())
        .expireAfter(Expiry.creating((String client, Failures seen) -> window))
        // the engine's clock, which also runs the engine's delay (and which tests move)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(ClockUtil.getCurrentTime().getTime()))
        .build();
  }

  /** Wrong passwords from one client, since the first of them: the user named with each. */
  private record Failures(Instant since, List<String> users) {

    Failures with(String user) {
      List<String> more = new ArrayList<>(users);
      more.add(user);
      return new Failures(since, more);
    }

    Failures without(String user) {
      List<String> rest = users.stream().filter(other -> !other.equals(user)).toList();
      return rest.isEmpty() ? null : new Failures(since, rest);
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String client = client(request.getRemoteAddr());
    if (isLogin(request)) {
      Failures seen = failures.getIfPresent(client);
      if (seen != null && seen.users().size() >= maxFailures) {
        refusedLogins.increment();
        refuse(response, Duration.between(now(), seen.since().plus(window)));
        return;
      }
    }
    PasswordChecks.listen(check -> count(client, check));
    try {
      chain.doFilter(request, response);
    } finally {
      PasswordChecks.stopListening();
    }
  }

  private static boolean isLogin(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    return (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length()))
        || ("POST".equals(request.getMethod()) && request.getRequestURI().matches(WEBAPP_LOGIN));
  }

  private void count(String client, Check check) {
    String user = Objects.toString(check.userId(), "");
    switch (check.outcome()) {
      case WRONG -> {
        wrongPasswords.increment();
        Failures counted = failures.asMap().compute(client,
            (key, seen) -> seen == null ? new Failures(now(), List.of(user)) : seen.with(user));
        if (counted.users().size() == maxFailures) {
          LOG.info("Logins from {} wait until {}: {} wrong passwords since {}", client,
              counted.since().plus(window), maxFailures, counted.since());
        }
      }
      case MATCHED -> failures.asMap().computeIfPresent(client, (key, seen) -> seen.without(user));
      case NOT_COMPARED -> {
        // the engine still delays the account: nothing was guessed
      }
    }
  }

  private static void refuse(HttpServletResponse response, Duration left) throws IOException {
    long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getWriter(), Map.of("type", "TooManyFailedLogins", "message",
        "Terlalu banyak percobaan masuk dengan kata sandi yang salah dari alamat Anda. Silakan coba lagi dalam "
            + ((seconds + 59) / 60) + " menit."));
  }

  /**
   * The client a count belongs to: its address, or for IPv6 its /64, the block one customer is given
   * (a client could otherwise take a fresh address for every guess).
   */
  static String client(String address) {
    if (address.indexOf(':') < 0) {
      return address;
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      return bytes.length == 16
          ? InetAddress.getByAddress(Arrays.copyOf(Arrays.copyOf(bytes, 8), 16)).getHostAddress() + "/64" : address;
    } catch (UnknownHostException e) {
      return address;
    }
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
