package id.go.kapuaskab.lupapassphrase.web;

import id.go.kapuaskab.lupapassphrase.request.OpenRequestLimitException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** One request too many for an applicant: 409 in Camunda's error format, saying how many are open and what to do. */
@Provider
public class OpenRequestLimitExceptionMapper implements ExceptionMapper<OpenRequestLimitException> {

  @Override
  public Response toResponse(OpenRequestLimitException exception) {
    return RefusedCalls.answer(exception, Response.Status.CONFLICT.getStatusCode(), Map.of());
  }
}
