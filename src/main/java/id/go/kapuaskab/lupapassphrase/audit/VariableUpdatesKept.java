package id.go.kapuaskab.lupapassphrase.audit;

import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricScopeInstanceEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The engine's history writer, with one thing left out: a variable's change is kept as a detail row only for
 * the variables a request's record reads ({@link RecordedVariables}). Full history keeps a detail of every
 * change besides the variable's last value; for the form's fields that was a second copy of each, the 50 KB
 * letter included, which nothing reads. Every other history row, and every variable's value, is written as the
 * engine writes it, so *Riwayat SOP* and its CSV read the same (HistoryKeptTest compares them). And one read
 * spared: a scope's start time, which the engine reads back from its row to update or end it, is taken from
 * this node's memory of the rows it wrote ({@link ScopeStartTimes}) where it holds it.
 */
public final class VariableUpdatesKept extends DbHistoryEventHandler {

  private final ScopeStartTimes startTimes = new ScopeStartTimes();

  /** As the engine's, but a later event of a scope this node began takes its start time from memory. */
  @Override
  protected void insertOrUpdate(HistoryEvent event) {
    if (event instanceof HistoricScopeInstanceEvent scope) {
      if (isInitialEvent(event)) {
        startTimes.began(scope);
      } else if (event.getId() != null) {
        // asked before the command's cache, so a scope that began and ends in one command is forgotten too: left
        // behind, such entries filled the memory's 10,000 places within minutes under load, and new scopes lost theirs
        Date began = startTimes.of(scope);
        if (began != null && getDbEntityManager().getCachedEntity(event.getClass(), event.getId()) == null) {
          scope.setStartTime(began);
          getDbEntityManager().merge(event);
          return;
        }
      }
    }
    super.insertOrUpdate(event);
  }

  /** The ids of the scopes whose start times this node holds. */
  Set<String> scopesHeld() {
    return startTimes.held();
  }

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity update) {
    return super.shouldWriteHistoricDetail(update) && recorded(update);
  }

  private static boolean recorded(HistoricVariableUpdateEventEntity update) {
    if (update.getProcessDefinitionId() == null) {
      return true;
    }
    BpmnModelInstance diagram = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findBpmnModelInstanceForProcessDefinition(update.getProcessDefinitionId());
    return diagram == null || RecordedVariables.of(diagram).contains(update.getVariableName());
  }
}
