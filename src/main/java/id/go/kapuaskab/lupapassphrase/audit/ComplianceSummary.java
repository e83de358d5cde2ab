package id.go.kapuaskab.lupapassphrase.audit;

import id.go.kapuaskab.lupapassphrase.process.SopStep;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the SOP was kept over a set of requests: how they ended, and per step how many runs finished
 * within the standard time and how long the finished runs took.
 *
 * @param requests how many requests
 * @param byOutcome how many ended each way, every outcome listed
 * @param steps the SOP's steps in order: those of the newest diagram version, and any other step the runs had
 */
public record ComplianceSummary(int requests, Map<Outcome, Long> byOutcome, List<StepSummary> steps) {

  /**
   * One step over all its runs. A run is judged once it finished or overran; a run still open within
   * its standard time, or ended unfinished, is not.
   *
   * @param step the step number
   * @param title the step as the SOP names it
   * @param standardSeconds the standard time, or null when the runs ran on diagram versions that differ
   * @param runs every run of the step
   * @param judged the runs judged
   * @param withinStandard the judged runs that finished within the standard time
   * @param withinShare withinStandard / judged, or null when none was judged
   * @param medianSeconds the median duration of the completed runs, or null when none completed
   * @param p90Seconds the 90th percentile of the same
   */
  public record StepSummary(int step, String title, Long standardSeconds, int runs, int judged, int withinStandard,
      Double withinShare, Long medianSeconds, Long p90Seconds) {
  }

  /** The summary of the requests and their runs, every step of the newest diagram version listed. */
  public static ComplianceSummary of(List<RequestRow> requests, List<StepRun> runs, List<SopStep> newestSteps) {
    Map<Outcome, Long> byOutcome = new LinkedHashMap<>();
    Arrays.stream(Outcome.values()).forEach(outcome -> byOutcome.put(outcome,
        requests.stream().filter(request -> request.outcome() == outcome).count()));
    // each step by its task, under its newest number and name, so requests on older versions count with it
    Map<String, Named> named = new LinkedHashMap<>();
    runs.forEach(run -> named.put(run.activityId(), new Named(run.step(), run.title())));
    newestSteps.forEach(step -> named.put(step.taskId(), new Named(step.number(), step.title())));
    List<StepSummary> steps = named.entrySet().stream()
        .map(entry -> summarize(entry.getValue(),
            runs.stream().filter(run -> run.activityId().equals(entry.getKey())).toList()))
        .sorted(Comparator.comparingInt(StepSummary::step))
        .toList();
    return new ComplianceSummary(requests.size(), byOutcome, steps);
  }

  private record Named(int number, String title) {
  }

  private static StepSummary summarize(Named step, List<StepRun> runs) {
    List<Long> standards = runs.stream().map(StepRun::standardSeconds).distinct().toList();
    int judged = (int) runs.stream().filter(run -> run.verdict().judged()).count();
    int within = (int) runs.stream().filter(run -> run.verdict() == Verdict.DALAM_WAKTU).count();
    List<Long> durations = runs.stream().filter(StepRun::completed).map(StepRun::durationSeconds).sorted().toList();
    return new StepSummary(step.number(), step.title(), standards.size() == 1 ? standards.get(0) : null,
        runs.size(), judged, within, judged == 0 ? null : (double) within / judged,
        durations.isEmpty() ? null : Percentiles.inclusive(durations, 0.5),
        durations.isEmpty() ? null : Percentiles.inclusive(durations, 0.9));
  }
}
