package id.go.kapuaskab.lupapassphrase.engine;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;

/**
 * The decision engine's FEEL, made when a decision first evaluates an expression in it rather than at the start.
 * The process engine builds its decision engine at every start, decisions or none, and the FEEL engine with it:
 * some 400 classes of Scala and 0.13 s of each start, for a product whose process evaluates no decision. Which FEEL
 * is made is the decision engine's own choice, read from its configuration at that moment: the Scala engine with
 * its custom functions, or the legacy one where the configuration asks for it.
 */
final class FeelOnFirstDecision implements FeelEngineFactory {

  private final DefaultDmnEngineConfiguration decisions;
  private volatile FeelEngine made;

  FeelOnFirstDecision(DefaultDmnEngineConfiguration decisions) {
    this.decisions = decisions;
  }

  @Override
  public FeelEngine createInstance() {
    return new FeelEngine() {
      @Override
      public <T> T evaluateSimpleExpression(String simpleExpression, VariableContext variableContext) {
        return feel().evaluateSimpleExpression(simpleExpression, variableContext);
      }

      @Override
      public boolean evaluateSimpleUnaryTests(String simpleUnaryTests, String inputName,
          VariableContext variableContext) {
        return feel().evaluateSimpleUnaryTests(simpleUnaryTests, inputName, variableContext);
      }
    };
  }

  /** Whether a decision has needed FEEL yet. */
  boolean made() {
    return made != null;
  }

  private FeelEngine feel() {
    FeelEngine feel = made;
    if (feel == null) {
      synchronized (this) {
        if (made == null) {
          FeelEngineFactory factory = decisions.isEnableFeelLegacyBehavior() ? new FeelEngineFactoryImpl()
              : new ScalaFeelEngineFactory(decisions.getFeelCustomFunctionProviders());
          made = factory.createInstance();
        }
        feel = made;
      }
    }
    return feel;
  }
}
