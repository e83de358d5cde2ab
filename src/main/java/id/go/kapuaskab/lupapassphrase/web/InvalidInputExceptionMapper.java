package id.go.kapuaskab.lupapassphrase.web;

import id.go.kapuaskab.lupapassphrase.request.InvalidInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Answers refused input with 400 in Camunda's error format, plus the field that was refused. */
@Provider
public class InvalidInputExceptionMapper implements ExceptionMapper<InvalidInputException> {

  @Override
  public Response toResponse(InvalidInputException exception) {
    return RefusedCalls.answer(exception, Response.Status.BAD_REQUEST.getStatusCode(), Map.of("field", exception.field()));
  }
}
