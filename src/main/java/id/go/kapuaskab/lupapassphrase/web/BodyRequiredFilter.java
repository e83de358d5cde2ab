package id.go.kapuaskab.lupapassphrase.web;

import id.go.kapuaskab.lupapassphrase.request.InvalidInputException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.jersey.model.Parameter;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * A call to a resource method that takes a body, sent without one (or with JSON's null), is refused
 * with 400 before the method runs: the engine's resources take the missing body as null and answered
 * with a NullPointerException (500), or ran with nothing set. A body read as text may be empty (a
 * Tasklist filter's query without an extension).
 */
@Provider
public class BodyRequiredFilter implements ContainerRequestFilter {

  private static final String FIELD = "body";
  /** Enough to see whether a body is JSON's null and nothing else. */
  private static final int PEEK = 64;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    ResourceMethod method = ((ExtendedUriInfo) request.getUriInfo()).getMatchedResourceMethod();
    boolean takesBody = method != null && method.getInvocable().getParameters().stream()
        .anyMatch(parameter -> parameter.getSource() == Parameter.Source.ENTITY && parameter.getRawType() != String.class);
    if (takesBody && nothingSent(request)) {
      throw new InvalidInputException(FIELD, "Permintaan ini memerlukan isi (body), dan tidak ada yang dikirim.");
    }
  }

  private static boolean nothingSent(ContainerRequestContext request) throws IOException {
    if (!request.hasEntity()) {
      return true;
    }
    BufferedInputStream body = new BufferedInputStream(request.getEntityStream(), PEEK);
    body.mark(PEEK);
    byte[] start = body.readNBytes(PEEK);
    body.reset();
    request.setEntityStream(body);
    return start.length < PEEK && new String(start, StandardCharsets.UTF_8).strip().equals("null");
  }
}
