package id.go.kapuaskab.lupapassphrase.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;

/** A second claim of a task is a conflict (409), not the server error (500) the REST API would answer. */
@Provider
public class TaskAlreadyClaimedExceptionMapper implements ExceptionMapper<TaskAlreadyClaimedException> {

  @Override
  public Response toResponse(TaskAlreadyClaimedException exception) {
    return Response.status(Response.Status.CONFLICT)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", TaskAlreadyClaimedException.class.getSimpleName(),
            "message", "Tugas ini sudah diklaim oleh " + exception.getTaskAssignee() + "."))
        .build();
  }
}
