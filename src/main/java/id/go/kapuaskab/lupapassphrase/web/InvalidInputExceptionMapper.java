package id.go.kapuaskab.lupapassphrase.web;

import id.go.kapuaskab.lupapassphrase.request.InvalidInputException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers refused input with 400 in Camunda's error format, plus the field that was refused. */
@Provider
public class InvalidInputExceptionMapper implements ExceptionMapper<InvalidInputException> {

  private static final Logger LOG = LoggerFactory.getLogger(InvalidInputExceptionMapper.class);

  @Override
  public Response toResponse(InvalidInputException exception) {
    // the message names the field and the rule, never the value that was sent
    LOG.info("Input refused: {}", exception.getMessage());
    RefusedCalls.count(exception, Response.Status.BAD_REQUEST.getStatusCode());
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of(
            "type", InvalidInputException.class.getSimpleName(),
            "message", exception.getMessage(),
            "field", exception.field()))
        .build();
  }
}
