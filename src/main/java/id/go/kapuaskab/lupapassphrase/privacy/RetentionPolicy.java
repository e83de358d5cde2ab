package id.go.kapuaskab.lupapassphrase.privacy;

import id.go.kapuaskab.lupapassphrase.setup.SetupPhase;
import id.go.kapuaskab.lupapassphrase.setup.SetupStep.Phase;
import id.go.kapuaskab.lupapassphrase.setup.SetupStep;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Personal data (NIK, NIP, e-mail, the signed letter) is kept for the configured number of days
 * after a request ends, then the engine's history cleanup deletes the request's whole history.
 * The diagram's historyTimeToLive is the default; this sets every version of every process this
 * engine runs to the configured value, so an operator changes retention without touching the diagram,
 * and no process an administrator deploys keeps personal data longer than the office's rule.
 */
@Component
@SetupPhase(Phase.RETENTION)
class RetentionPolicy implements SetupStep {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionPolicy.class);

  private final int days;

  public RetentionPolicy(@Value("${lupa-passphrase.retention.days}") int days) {
    if (days < 1) {
      throw new IllegalArgumentException("lupa-passphrase.retention.days must be at least 1, was " + days);
    }
    this.days = days;
  }

  @Override
  public void apply(ProcessEngine engine) {
    RepositoryService repository = engine.getRepositoryService();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
      if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
        repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
        LOG.info("Retention of {} set to {} days", definition.getId(), days);
      }
    }
  }
}
