package id.go.kapuaskab.lupapassphrase.audit;

import java.time.Instant;
import java.util.List;

/**
 * One run of an SOP step in one request: a step runs again when the verifier sends the request
 * back, or when the certificate is not issued yet.
 *
 * @param requestId the process instance
 * @param step the SOP step number, 1 to 4
 * @param title the step as the SOP names it
 * @param run 1 for the first run of the step in the request, 2 for the second, ...
 * @param activityId the step's user task in the diagram
 * @param taskId the user task instance
 * @param doneBy who completed the task, or who holds it while it is open; null if nobody
 * @param start when the task was created
 * @param end when it ended, or null while it is open
 * @param completed whether it was completed (not ended around it, as when the request expired)
 * @param durationSeconds from start to end, or to now while it is open, in the clock of its timer: the
 *     office's service time when the diagram counts the step in service hours, else the wall clock
 * @param wallClockSeconds the same span on the wall clock
 * @param serviceHours whether the step is counted in service hours
 * @param standardSeconds the standard time, from the timer of the diagram version the request ran on
 * @param verdict how it stands against the standard time
 * @param breaches the overruns recorded when its SLA timer fired
 */
public record StepRun(String requestId, int step, String title, int run, String activityId, String taskId,
    String doneBy, Instant start, Instant end, boolean completed, long durationSeconds, long wallClockSeconds,
    boolean serviceHours, long standardSeconds, Verdict verdict, List<Breach> breaches) {

  /** An overrun as the SLA timer recorded it. */
  public record Breach(Instant dueAt, Instant firedAt, String responsible) {
  }
}
