package id.go.kapuaskab.lupapassphrase.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kapuaskab.lupapassphrase.support.EngineNodes;
import id.go.kapuaskab.lupapassphrase.support.TestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node locks jobs in its own name, and a node that comes back after dying releases the locks it
 * left, so those jobs run at its start, not after the lock time; another node's locks it leaves alone.
 */
@Tag(TestDatabase.TAG)
@ExtendWith(TestDatabase.class)
class NodeIdentityTest {

  private static final Duration LOCKED_FOR = Duration.ofMinutes(5);
  private static final Duration POLL = Duration.ofMinutes(1);

  private final EngineNodes nodes = new EngineNodes("node_identity");

  @AfterEach
  void stopNodes() throws Exception {
    nodes.close();
  }

  @Test
  void aRestartedNodeRunsTheJobsItHadLockedAtOnceAndLeavesAnotherNodesLocks() throws Exception {
    ProcessEngine before = nodes.start("before", POLL, false, List.of());
    before.getRepositoryService().createDeployment().addModelInstance("asyncProbe.bpmn",
        Bpmn.createExecutableProcess("asyncProbe").camundaHistoryTimeToLive(1)
            .startEvent().camundaAsyncAfter().endEvent().done()).deploy();
    String own = before.getRuntimeService().startProcessInstanceByKey("asyncProbe").getId();
    String others = before.getRuntimeService().startProcessInstanceByKey("asyncProbe").getId();
    lock(before, own, "node-a");
    lock(before, others, "node-b");
    nodes.close();

    ProcessEngine restarted = nodes.start("node-a", POLL, true, List.of(new NodeIdentity(new NodeSettings("node-a"), 8080)));

    await().atMost(Duration.ofSeconds(20)).until(() -> ended(restarted, own));
    assertThat(restarted.getHistoryService().createHistoricJobLogQuery().processInstanceId(own).successLog()
        .singleResult().getHostname()).isEqualTo("node-a");
    assertThat(ended(restarted, others)).as("node-b's lock holds until it expires").isFalse();
    assertThat(nodes.jdbc().queryForObject("SELECT LOCK_OWNER_ FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ = ?",
        String.class, others)).isEqualTo("node-b");
  }

  /** As the node's acquisition leaves a job it was running when it died. */
  private void lock(ProcessEngine engine, String processInstanceId, String owner) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).singleResult();
    nodes.jdbc().update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? WHERE ID_ = ?", owner,
        new Timestamp(System.currentTimeMillis() + LOCKED_FOR.toMillis()), job.getId());
  }

  private static boolean ended(ProcessEngine engine, String processInstanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .completed().count() == 1;
  }
}
