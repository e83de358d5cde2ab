package id.go.kapuaskab.lupapassphrase.operations;

import static id.go.kapuaskab.lupapassphrase.process.Groups.OPERATORS;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read the actuator: the metrics ({@code /actuator/prometheus}) only a member of the group
 * {@code operator}, by HTTP Basic against the engine's users (Prometheus scrapes as such a user); anyone
 * else gets 401, a logged-in user without the role 404, as for an endpoint that is off. The health
 * endpoint answers everyone with UP or DOWN, and an operator with its components and their details
 * (management.endpoint.health.roles). Wrong passwords count towards the login limits as at every door
 * ({@code security.LoginGuard}, which runs first).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class OperatorAccess extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REALM = "Basic realm=\"lupa-passphrase\"";
  private static final String LOG_IN = "Metrik dan rincian kesehatan hanya untuk operator: masuk dengan nama pengguna "
      + "dan kata sandi operator (HTTP Basic).";

  private final ProcessEngine engine;
  private final String actuator;
  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

  OperatorAccess(ProcessEngine engine, @Value("${management.endpoints.web.base-path:/actuator}") String actuator) {
    this.engine = engine;
    this.actuator = actuator;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !path(request).startsWith(actuator + "/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = path(request);
    boolean metrics = path.equals(actuator + "/prometheus") || path.startsWith(actuator + "/prometheus/");
    if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
      if (metrics) {
        challenge(response);
      } else {
        chain.doFilter(request, response);
      }
      return;
    }
    AuthenticationResult login = basic.extractAuthenticatedUser(request, engine);
    if (!login.isAuthenticated()) {
      challenge(response);
      return;
    }
    String user = login.getAuthenticatedUser();
    boolean operator = engine.getIdentityService().createGroupQuery().groupMember(user).groupId(OPERATORS)
        .count() > 0;
    if (metrics && !operator) {
      response.sendError(HttpStatus.NOT_FOUND.value());
      return;
    }
    chain.doFilter(new LoggedIn(request, user, operator), response);
  }

  private String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static void challenge(HttpServletResponse response) throws IOException {
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getWriter(), Map.of("type", "Unauthorized", "message", LOG_IN));
  }

  /** The request as the actuator sees it: who logged in, and the role "operator" if they hold it. */
  private static final class LoggedIn extends HttpServletRequestWrapper {

    private final String user;
    private final boolean operator;

    LoggedIn(HttpServletRequest request, String user, boolean operator) {
      super(request);
      this.user = user;
      this.operator = operator;
    }

    @Override
    public Principal getUserPrincipal() {
      return () -> user;
    }

    @Override
    public String getRemoteUser() {
      return user;
    }

    @Override
    public boolean isUserInRole(String role) {
      return operator && OPERATORS.equals(role);
    }
  }
}
