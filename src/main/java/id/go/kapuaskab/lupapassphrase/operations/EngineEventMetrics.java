package id.go.kapuaskab.lupapassphrase.operations;

import id.go.kapuaskab.lupapassphrase.audit.Outcome;
import id.go.kapuaskab.lupapassphrase.process.ProcessIds;
import id.go.kapuaskab.lupapassphrase.process.SopStep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * The SOP's counters, read from the events the engine writes into its history (so no diagram, delegate
 * or listener has to remember them): requests opened, and ended by outcome; SLA timers fired, which are
 * the breaches, by step, with how late each timer fired; failed AMS calls the engine tries again. Each
 * is counted once its transaction commits, so work rolled back (a conflict between nodes) is not counted
 * twice. Counters are per node; across nodes, add them up.
 */
public class EngineEventMetrics extends AbstractProcessEnginePlugin {

  /** The timers of the diagram, by their id; any other timer (of another process) is counted as "other". */
  private static final List<String> TIMERS = List.of(ProcessIds.TIMER_SUBMIT_REQUEST_SLA,
      ProcessIds.TIMER_VERIFY_REQUEST_SLA, ProcessIds.TIMER_CONFIRM_LINK_SLA, ProcessIds.TIMER_SET_PASSPHRASE_SLA,
      ProcessIds.TIMER_SUBMIT_REQUEST_DEADLINE, ProcessIds.TIMER_ACTIVATION_DEADLINE);
  private static final String OTHER_TIMER = "other";
  /** Buckets of the lateness: the SLA timers' goal is 100 ms at p99 and 250 ms at most (docs/performance.md). */
  private static final Duration[] LATENESS_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
      Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
      Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(5)};

  private final Counter opened;
  private final Map<Outcome, Counter> ended = new EnumMap<>(Outcome.class);
  private final Map<String, Counter> breaches = new HashMap<>();
  private final Map<String, Timer> lateness = new HashMap<>();
  private final Map<AmsOperation, Counter> amsRetries = new EnumMap<>(AmsOperation.class);

  public EngineEventMetrics(MeterRegistry registry) {
    opened = Counter.builder("lupa.requests.opened").description("Requests opened on this node").register(registry);
    Arrays.stream(Outcome.values()).filter(outcome -> outcome != Outcome.BERJALAN).forEach(outcome ->
        ended.put(outcome, Counter.builder("lupa.requests.ended").description("Requests ended on this node, by outcome")
            .tag("outcome", outcome.code()).register(registry)));
    for (SopStep step : DiagramSteps.STEPS) {
      breaches.put(step.timerId(), Counter.builder("lupa.sla.breaches")
          .description("SLA timers fired on this node: a step that overran its standard time, by SOP step")
          .tag("step", Integer.toString(step.number())).register(registry));
    }
    Stream.concat(TIMERS.stream(), Stream.of(OTHER_TIMER)).forEach(timer -> lateness.put(timer,
        Timer.builder("lupa.timer.lateness")
            .description("How late timers fired on this node, from their due time to the end of the job that fired them")
            .tag("timer", timer).serviceLevelObjectives(LATENESS_BUCKETS).register(registry)));
    for (AmsOperation operation : AmsOperation.values()) {
      amsRetries.put(operation, Counter.builder("lupa.ams.retries")
          .description("Failed tries of an AMS call that the engine tries again after the retry cycle's wait")
          .tag("operation", operation.label()).register(registry));
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new Counting());
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** Beside the engine's own handler, which writes the history. */
  private final class Counting implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricProcessInstanceEventEntity request
          && ProcessIds.PROCESS_KEY.equals(request.getProcessDefinitionKey())) {
        if (request.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
          afterCommit(opened::increment);
        } else if (request.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
          Counter outcome = ended.get(outcomeAt(request.getEndActivityId()));
          afterCommit(outcome::increment);
        }
      } else if (event instanceof HistoricJobLogEvent job) {
        if (job.isSuccessLog() && job.getJobDueDate() != null
            && job.getJobDefinitionType() != null && job.getJobDefinitionType().startsWith("timer")) {
          timerFired(job);
        } else if (job.isFailureLog()) {
          AmsOperation.ofServiceTask(job.getActivityId()).ifPresent(operation -> amsCallFailed(job, operation));
        }
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }

  private void timerFired(HistoricJobLogEvent job) {
    Duration late = Duration.ofMillis(Math.max(0, job.getTimestamp().getTime() - job.getJobDueDate().getTime()));
    Timer timer = lateness.get(TIMERS.contains(job.getActivityId()) ? job.getActivityId() : OTHER_TIMER);
    Optional<Counter> breach = Optional.ofNullable(breaches.get(job.getActivityId()));
    afterCommit(() -> {
      timer.record(late);
      breach.ifPresent(Counter::increment);
    });
  }

  /**
   * The engine fires the failure before its retry command counts the try down, in the same transaction:
   * the job as that command leaves it says whether another try follows.
   */
  private void amsCallFailed(HistoricJobLogEvent failure, AmsOperation operation) {
    JobEntity job = Context.getCommandContext().getJobManager().findJobById(failure.getJobId());
    if (job != null) {
      afterCommit(() -> {
        if (job.getRetries() > 0) {
          amsRetries.get(operation).increment();
        }
      });
    }
  }

  private static Outcome outcomeAt(String endActivityId) {
    return Arrays.stream(Outcome.values()).filter(outcome -> Objects.equals(outcome.endEventId(), endActivityId)
        && outcome.endEventId() != null).findFirst().orElse(Outcome.DIHENTIKAN);
  }

  private static void afterCommit(Runnable count) {
    CommandContext command = Context.getCommandContext();
    command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> count.run());
  }
}
