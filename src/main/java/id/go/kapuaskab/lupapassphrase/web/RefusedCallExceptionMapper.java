package id.go.kapuaskab.lupapassphrase.web;

import id.go.kapuaskab.lupapassphrase.security.RefusedCallException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a refused call with its own status (404, 409) in Camunda's error format. */
@Provider
public class RefusedCallExceptionMapper implements ExceptionMapper<RefusedCallException> {

  private static final Logger LOG = LoggerFactory.getLogger(RefusedCallExceptionMapper.class);

  @Override
  public Response toResponse(RefusedCallException exception) {
    LOG.info("Call refused ({}): {}", exception.status(), exception.getMessage());
    RefusedCalls.count(exception, exception.status());
    return Response.status(exception.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", RefusedCallException.class.getSimpleName(), "message", exception.getMessage()))
        .build();
  }
}
