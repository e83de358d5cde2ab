package id.go.kapuaskab.lupapassphrase.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The process tests together must pass every flow node and sequence flow of the diagram, or the
 * build fails. Only the process test class is measured: other tests start instances for other reasons.
 */
@TestConfiguration
public class ProcessCoverageRequirement {

  public static final double MINIMUM = 1.0;
  private static final String NOT_MEASURED = "not-measured";

  /** Primary: next to the library's default bean the lookup is ambiguous, and it then checks nothing. */
  @Bean
  @Primary
  ProcessEngineCoverageProperties processCoverage() {
    return ProcessEngineCoverageProperties.builder()
        .assertClassCoverageAtLeast(MINIMUM)
        .addInclusionPatternForTestClasses("*.LupaPassphraseProcessTest")
        .build();
  }

  /**
   * The coverage listeners in the engine fail every command until a measured class has given them a
   * collector; a class that is not measured may run first, so they start with one that counts for nothing.
   */
  @Bean
  SmartInitializingSingleton unmeasuredCoverageCollector(ProcessEngine engine) {
    return () -> {
      DefaultCollector collector = new DefaultCollector(new ExecutionContextModelProvider());
      collector.createSuite(new Suite(NOT_MEASURED, NOT_MEASURED));
      collector.activateSuite(NOT_MEASURED);
      collector.createRun(new Run(NOT_MEASURED, NOT_MEASURED), NOT_MEASURED);
      collector.activateRun(NOT_MEASURED);
      new ProcessEngineAdapter(engine, collector).initializeListeners();
    };
  }
}
