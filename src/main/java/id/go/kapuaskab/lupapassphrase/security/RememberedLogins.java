package id.go.kapuaskab.lupapassphrase.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.go.kapuaskab.lupapassphrase.security.PasswordChecks.Check;
import id.go.kapuaskab.lupapassphrase.security.PasswordChecks.Outcome;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic on /engine-rest, remembered for a short while ({@link LoginSettings#basicLoginsRemembered}):
 * the engine checks a password and reads the user's groups and tenants once, not in three transactions of
 * their own before every call, as Camunda's webapps do for their sessions (for five minutes).
 * <p>
 * Only a login the engine accepted is remembered, under a keyed digest of its Authorization header (the
 * password itself is not kept). A remembered login is told to the login guard as a matched password,
 * like the check it stands for. It is forgotten on this node at once when a wrong password is sent for
 * that user at this door, and everyone's when a user, a group or a membership changes here
 * ({@link PasswordChecks}); a change made on another node holds here when the login's time is over.
 */
@Component
public class RememberedLogins extends HttpBasicAuthenticationProvider {

  private static final String HMAC = "HmacSHA256";

  private record Login(String userId, List<String> groups, List<String> tenants) {
  }

  private final Cache<String, Login> logins;
  /** One keyed digest per thread, made once: looking the algorithm up at every call cost 1 % of the node. */
  private final ThreadLocal<Mac> digests;
  /** How many times everyone was forgotten: a login read before that is not remembered after it. */
  private final AtomicLong forgettings = new AtomicLong();
  private final boolean remembering;

  public RememberedLogins(LoginSettings settings) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.digests = ThreadLocal.withInitial(() -> keyed(key));
    this.remembering = !settings.basicLoginsRemembered().isZero() && !settings.basicLoginsRemembered().isNegative();
    this.logins = Caffeine.newBuilder()
        .maximumSize(settings.loginsRemembered())
        .expireAfterWrite(settings.basicLoginsRemembered())
        // the engine's clock, which also runs the login guard (and which tests move)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(ClockUtil.getCurrentTime().getTime()))
        .build();
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (!remembering || authorization == null) {
      return super.extractAuthenticatedUser(request, engine);
    }
    String key = digest(engine.getName() + '\n' + authorization);
    Login remembered = logins.getIfPresent(key);
    if (remembered != null) {
      PasswordChecks.tell(new Check(remembered.userId(), Outcome.MATCHED));
      return result(remembered);
    }
    long forgottenBefore = forgettings.get();
    AuthenticationResult checked = super.extractAuthenticatedUser(request, engine);
    if (!checked.isAuthenticated()) {
      if (checked.getAuthenticatedUser() != null) {
        forget(checked.getAuthenticatedUser());
      }
      return checked;
    }
    Login login = new Login(checked.getAuthenticatedUser(), groups(engine, checked.getAuthenticatedUser()),
        tenants(engine, checked.getAuthenticatedUser()));
    logins.put(key, login);
    if (forgettings.get() != forgottenBefore) {
      // a change was committed while this login was read: what was read may be from before it
      logins.invalidate(key);
    }
    return result(login);
  }

  /** Forgets every remembered login, after a change to users, groups or memberships committed on this node. */
  void forgetEveryone() {
    forgettings.incrementAndGet();
    logins.invalidateAll();
  }

  private void forget(String userId) {
    logins.asMap().values().removeIf(login -> login.userId().equals(userId));
  }

  private static AuthenticationResult result(Login login) {
    AuthenticationResult result = AuthenticationResult.successful(login.userId());
    // copies: the engine keeps these lists in the call's authentication
    result.setGroups(new ArrayList<>(login.groups()));
    result.setTenants(new ArrayList<>(login.tenants()));
    return result;
  }

  /** The same queries as Camunda's authentication filter makes when it is given no groups. */
  private static List<String> groups(ProcessEngine engine, String userId) {
    return engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
  }

  private static List<String> tenants(ProcessEngine engine, String userId) {
    return engine.getIdentityService().createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
  }

  private String digest(String text) {
    return Base64.getEncoder().encodeToString(digests.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static Mac keyed(byte[] key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(HMAC + " is part of every JDK", e);
    }
  }
}
