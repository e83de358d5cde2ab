package id.go.kapuaskab.lupapassphrase.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The diagram's expressions reach the beans the diagram names and nothing else of the application:
 * not the settings, not the data sources, not the engine's services as beans, not Java's reflection.
 */
class DiagramExpressionsTest extends IntegrationTest {

  private static final String PROBE = "ExpressionProbe";
  private static final Pattern EXPRESSION_ROOT = Pattern.compile("[$#]\\{\\s*!?\\s*([A-Za-z_][A-Za-z0-9_]*)");

  @Autowired
  private ApplicationContext context;

  @AfterEach
  void removeTheProbe() {
    engine.getRepositoryService().createDeploymentQuery().deploymentName(PROBE).list()
        .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
  }

  @Test
  void theReachableBeansAreExactlyTheBeansTheDiagramNames() throws IOException {
    String diagram = Files.readString(Path.of("bpmn/lupa-passphrase.bpmn"));
    Set<String> named = new TreeSet<>();
    Matcher roots = EXPRESSION_ROOT.matcher(diagram);
    while (roots.find()) {
      if (context.containsBean(roots.group(1))) {
        named.add(roots.group(1));
      }
    }

    Set<Object> reachable = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBeans().keySet();
    assertThat(new TreeSet<>(reachable)).isEqualTo(named).containsExactlyInAnyOrder(
        "amsCertificateStatus", "amsResendResetLink", "amsResetPassphrase", "amsRetry", "checkSubmittedRequest",
        "notifyApplicant", "notifySupervisor", "openRequest", "recordVerifiedRequest", "slaBreachRecorder");
  }

  @Test
  void aDiagramNamingABeanOffTheListFailsAndOneOnTheListWorks() {
    assertThatThrownBy(() -> run("${environment.getProperty('spring.datasource.url')}"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("environment");
    assertThatThrownBy(() -> run("${dataSource.connection}"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("dataSource");
    assertThatThrownBy(() -> run("${runtimeService.createProcessInstanceQuery().count()}"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("runtimeService");

    assertThat(run(AmsRetry.EXPRESSION)).isEqualTo(context.getBean(AmsRetry.class).getTimeCycle());
  }

  @Test
  void aDiagramsExpressionCannotUseReflection() {
    for (String reflective : new String[] {"${''.getClass().forName('java.lang.Runtime')}", "${execution['class']}",
        "${amsRetry.class.classLoader}", "${execution.getClass().getMethods()}"}) {
      assertThatThrownBy(() -> run(reflective)).as(reflective)
          .isInstanceOf(ProcessEngineException.class).hasStackTraceContaining("refleksi");
    }
    assertThat(run("${'an'.concat('i')}")).isEqualTo("ani");
  }

  /** Deploys a one-task process whose service task evaluates the expression, runs it and answers what it gave. */
  private Object run(String expression) {
    BpmnModelInstance probe = Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
        .startEvent().serviceTask().camundaExpression(expression).camundaResultVariable("result")
        .userTask().endEvent().done();
    engine.getRepositoryService().createDeployment().name(PROBE).addModelInstance(PROBE + ".bpmn", probe).deploy();
    String instance = engine.getRuntimeService().startProcessInstanceByKey(PROBE).getId();
    return engine.getRuntimeService().getVariable(instance, "result");
  }
}
