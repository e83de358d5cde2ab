package id.go.kapuaskab.sandboxams;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sandbox's API answers only to HTTP Basic with the sandbox's own client credentials, as AMS
 * answers only to its registered clients; Camunda's users mean nothing to it.
 */
class SandboxApiAuthentication extends OncePerRequestFilter {

  private static final String BASIC = "Basic ";
  private static final String UNAUTHORIZED = """
      {"type":"about:blank","title":"Unauthorized","status":401,\
      "detail":"The sandbox AMS API needs HTTP Basic with its client credentials."}""";

  private final byte[] expected;

  SandboxApiAuthentication(String username, String password) {
    this.expected = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (authenticated(request.getHeader(HttpHeaders.AUTHORIZATION))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sandbox-ams\", charset=\"UTF-8\"");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(UNAUTHORIZED);
  }

  private boolean authenticated(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim());
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    // constant time, so the answer's timing does not tell how much of the secret was right
    return MessageDigest.isEqual(given, expected);
  }
}
