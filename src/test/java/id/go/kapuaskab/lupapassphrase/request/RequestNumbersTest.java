package id.go.kapuaskab.lupapassphrase.request;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.process.ProcessIds;
import id.go.kapuaskab.lupapassphrase.process.ProcessVariables;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

/** Request numbers are made by the server and no two requests share one. */
class RequestNumbersTest extends IntegrationTest {

  @Test
  void requestsOpenedOneAfterAnotherGetNumbersOfTheirOwn() {
    Set<String> numbers = new HashSet<>();
    authenticateAs(DemoPeople.BUDI.userId());
    for (int i = 0; i < 20; i++) {
      numbers.add(engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY).getBusinessKey());
    }
    assertThat(numbers).hasSize(20).allMatch(number -> number.matches("LP-\\d{8}-[A-Z2-9]{6}"));
  }

  @Test
  void aNumberAlreadyGivenIsDrawnAgain() {
    // a source that draws "AAAAAA" twice, then "BBBBBB": the second number must not repeat the first
    AtomicInteger draws = new AtomicInteger();
    RequestNumbers numbers = new RequestNumbers(bound -> draws.getAndIncrement() < 12 ? 0 : 1);
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    String first = configuration.getCommandExecutorTxRequired().execute(context -> numbers.next());
    engine.getRuntimeService().createProcessInstanceByKey(PROCESS_KEY).businessKey(first)
        .startBeforeActivity(ProcessIds.TASK_SUBMIT_REQUEST).setVariable(ProcessVariables.APPLICANT, "budi").execute();
    String second = configuration.getCommandExecutorTxRequired().execute(context -> numbers.next());

    assertThat(first).endsWith("-AAAAAA");
    assertThat(second).endsWith("-BBBBBB");
    assertThat(draws.get()).isEqualTo(18);
  }
}
