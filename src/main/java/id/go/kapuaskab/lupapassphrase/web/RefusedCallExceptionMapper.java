package id.go.kapuaskab.lupapassphrase.web;

import id.go.kapuaskab.lupapassphrase.security.RefusedCallException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Answers a refused call with its own status (403, 404, 409) in Camunda's error format. */
@Provider
public class RefusedCallExceptionMapper implements ExceptionMapper<RefusedCallException> {

  @Override
  public Response toResponse(RefusedCallException exception) {
    return RefusedCalls.answer(exception, exception.status(), Map.of());
  }
}
