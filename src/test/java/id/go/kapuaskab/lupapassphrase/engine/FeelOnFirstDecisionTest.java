package id.go.kapuaskab.lupapassphrase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The decision engine starts without FEEL and makes it at the first expression a decision evaluates in it
 * ({@link FeelOnFirstDecision}); a decision table written in FEEL still decides as before.
 */
class FeelOnFirstDecisionTest extends IntegrationTest {

  /** A decision table whose input test and outputs are FEEL, the decision engine's default language for them. */
  private static final String ON_TIME = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                   id="feelProbeDefinitions" name="Tepat waktu" namespace="http://camunda.org/schema/1.0/dmn">
        <decision id="feelProbe" name="Tepat waktu" camunda:historyTimeToLive="1">
          <decisionTable id="table" hitPolicy="FIRST">
            <input id="minutes" label="Menit">
              <inputExpression id="minutesExpression" typeRef="integer"><text>menit</text></inputExpression>
            </input>
            <output id="verdict" name="hasil" typeRef="string"/>
            <rule id="inTime">
              <inputEntry id="inTimeTest"><text>&lt;= 5</text></inputEntry>
              <outputEntry id="inTimeVerdict"><text>"tepat waktu"</text></outputEntry>
            </rule>
            <rule id="late">
              <inputEntry id="lateTest"><text>&gt; 5</text></inputEntry>
              <outputEntry id="lateVerdict"><text>"terlambat"</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  @Test
  void feelIsMadeAtItsFirstUseAndDecidesAsTheDecisionEnginesOwn() {
    FeelOnFirstDecision factory = new FeelOnFirstDecision(new DefaultDmnEngineConfiguration());
    FeelEngine feel = factory.createInstance();
    assertThat(factory.made()).isFalse();

    assertThat(feel.evaluateSimpleUnaryTests("<= 5", "menit",
        Variables.createVariables().putValue("menit", 4).asVariableContext())).isTrue();
    assertThat(factory.made()).isTrue();
    assertThat(feel.evaluateSimpleUnaryTests("<= 5", "menit",
        Variables.createVariables().putValue("menit", 6).asVariableContext())).isFalse();
  }

  @Test
  void aDecisionTableInFeelDecidesInTheEngine() {
    DefaultDmnEngineConfiguration decisions =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngineConfiguration();
    assertThat(decisions.getFeelEngineFactory()).isInstanceOf(FeelOnFirstDecision.class);

    Deployment deployment = engine.getRepositoryService().createDeployment()
        .addString("tepat-waktu.dmn", ON_TIME)
        .deploy();
    try {
      assertThat(verdict(3)).isEqualTo("tepat waktu");
      assertThat(verdict(12)).isEqualTo("terlambat");
      assertThat(((FeelOnFirstDecision) decisions.getFeelEngineFactory()).made()).isTrue();
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  private Object verdict(int minutes) {
    return engine.getDecisionService().evaluateDecisionTableByKey("feelProbe")
        .variables(Variables.createVariables().putValue("menit", minutes)).evaluate().getSingleResult()
        .getSingleEntry();
  }
}
