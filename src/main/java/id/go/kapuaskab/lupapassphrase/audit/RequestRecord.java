package id.go.kapuaskab.lupapassphrase.audit;

import java.time.Instant;
import java.util.List;

/**
 * Everything the SOP's record keeps of one request, running or finished.
 *
 * @param request the request as the list shows it
 * @param steps each run of the SOP steps 1 to 4, in order
 * @param decisions what people decided and noted on the tasks whose forms record it, and why
 * @param amsCalls each call to AMS with its answer, failed attempts included
 * @param incidents each incident and how it ended
 * @param operations what people did (claim, complete, retry, ...), oldest first
 * @param path the diagram elements the request passed, for drawing its path
 * @param problems what in the record is not as the server writes it (changed by an administrator), left out above
 */
public record RequestRecord(RequestRow request, List<StepRun> steps, List<Decision> decisions, List<AmsCall> amsCalls,
    List<Incident> incidents, List<Operation> operations, List<Passed> path, List<String> problems) {

  /**
   * A decision or note recorded with a task (the verifier's decision on the request, their note on an
   * AMS refusal): the variables the diagram names for it, and what the server recorded as checked
   * (identity data masked, the letter by name, size and SHA-256).
   *
   * @param taskId the user task
   * @param task the task as the diagram names it
   * @param decision the choice made, or null when the task records none
   * @param reason the reason or note given, or null
   * @param checked what was checked, or null when the server records nothing for the task
   */
  public record Decision(String taskId, String task, Instant at, String by, String decision, String reason,
      String checked) {
  }

  /** One call to AMS: a completed call with AMS's answer, or a failed attempt with the error. */
  public record AmsCall(String activityId, String name, Instant at, Result result, String detail) {

    public enum Result { BERHASIL, DITOLAK_AMS, GAGAL, BERJALAN }
  }

  /** An incident, and who resolved it (by giving the job another try) or that it was deleted. */
  public record Incident(String activityId, String activityName, String type, String message, Instant created,
      Instant ended, State state, String resolvedBy) {

    public enum State { TERBUKA, DISELESAIKAN, DIHAPUS }
  }

  /** One operation of a user, as the engine's user operation log records it. */
  public record Operation(Instant at, String user, String type, String entityType, String target, List<Change> changes) {
  }

  public record Change(String property, String from, String to) {
  }

  /** A diagram element the request passed, how often, and whether it is there now. */
  public record Passed(String activityId, int times, boolean active) {
  }
}
