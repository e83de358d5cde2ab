package id.go.kapuaskab.lupapassphrase.web;

import id.go.kapuaskab.lupapassphrase.request.OpenRequestLimitException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One request too many for an applicant: 409 in Camunda's error format, saying how many are open and what to do. */
@Provider
public class OpenRequestLimitExceptionMapper implements ExceptionMapper<OpenRequestLimitException> {

  private static final Logger LOG = LoggerFactory.getLogger(OpenRequestLimitExceptionMapper.class);

  @Override
  public Response toResponse(OpenRequestLimitException exception) {
    LOG.info("Request refused (409): {}", exception.getMessage());
    RefusedCalls.count(exception, Response.Status.CONFLICT.getStatusCode());
    return Response.status(Response.Status.CONFLICT)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", OpenRequestLimitException.class.getSimpleName(), "message", exception.getMessage()))
        .build();
  }
}
