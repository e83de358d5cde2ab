package id.go.kapuaskab.lupapassphrase.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The engine's history producer, with what a job log row names of the job's definition read once per node. Each
 * row of the job log ({@link HistoricJobLog}) carries the definition's id, type and configuration, and the engine
 * read the definition's row for them in each command that logged a job it had not made itself: the run of an
 * asynchronous step, a timer firing, a timer deleted as its step ends (6 of a request's 312 statements on
 * PostgreSQL). These fields, and the activity, are fixed when the definition is deployed. What an operator changes
 * on a definition (its suspension, an overriding priority) is not read here: the engine still reads the row as it
 * makes each job, for its suspension.
 *
 * <p>Nothing is forgotten: a deployment brings a few definitions, and a deleted one's entry only stays unused.
 */
final class JobLogDefinitionsRemembered extends CacheAwareHistoryEventProducer {

  private final Map<String, Fixed> definitions = new ConcurrentHashMap<>();

  @Override
  protected void initHistoricJobLogEvent(HistoricJobLogEventEntity event, Job job, HistoryEventType eventType) {
    String id = job.getJobDefinitionId();
    if (id == null || !(job instanceof JobEntity entity)) {
      super.initHistoricJobLogEvent(event, job, eventType);
      return;
    }
    Fixed known = definitions.get(id);
    if (known == null) {
      super.initHistoricJobLogEvent(event, job, eventType);
      JobDefinition read = entity.getJobDefinition();
      if (read != null) {
        definitions.putIfAbsent(id, Fixed.of(read));
      }
      return;
    }
    entity.setJobDefinition(known.entity());
    try {
      super.initHistoricJobLogEvent(event, job, eventType);
    } finally {
      // the job reads its definition from the command's cache or the database again if anything asks for it
      entity.setJobDefinition(null);
      entity.setJobDefinitionId(id);
    }
  }

  /** What the job log reads of a definition (the activity, should the job not know its own), fixed at its deployment. */
  private record Fixed(String id, String activityId, String type, String configuration) {

    static Fixed of(JobDefinition definition) {
      return new Fixed(definition.getId(), definition.getActivityId(), definition.getJobType(),
          definition.getJobConfiguration());
    }

    /** A definition of these fields alone, for the one job log row being made. */
    JobDefinitionEntity entity() {
      JobDefinitionEntity entity = new JobDefinitionEntity();
      entity.setId(id);
      entity.setActivityId(activityId);
      entity.setJobType(type);
      entity.setJobConfiguration(configuration);
      return entity;
    }
  }
}
