package id.go.kapuaskab.lupapassphrase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.process.Groups;
import java.util.List;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;

/** The engine's SQL statements, for the tests of what the product does to them once they are parsed. */
final class EngineStatements {

  private EngineStatements() {
  }

  static Configuration of(ProcessEngine engine) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory().getConfiguration();
  }

  /** The verifier's queue through the task query, which includes the authorization checks' fragments, lists what it counts. */
  static void assertVerifiersQueueRuns(ProcessEngine engine) {
    engine.getIdentityService().setAuthentication(DemoPeople.VERA.userId(), List.of(Groups.VERIFIERS));
    try {
      TaskQuery verifiersQueue = engine.getTaskService().createTaskQuery().taskCandidateGroup(Groups.VERIFIERS);
      assertThat(verifiersQueue.count()).isEqualTo(verifiersQueue.listPage(0, 1000).size());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
