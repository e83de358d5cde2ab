package id.go.kapuaskab.lupapassphrase.engine;

import id.go.kapuaskab.lupapassphrase.audit.VariableUpdatesKept;
import id.go.kapuaskab.lupapassphrase.cluster.NodeIdentity;
import id.go.kapuaskab.lupapassphrase.cluster.NodeName;
import id.go.kapuaskab.lupapassphrase.cluster.NodeSettings;
import id.go.kapuaskab.lupapassphrase.deployment.BeanNames;
import id.go.kapuaskab.lupapassphrase.deployment.DiagramRules;
import id.go.kapuaskab.lupapassphrase.deployment.SopDeployments;
import id.go.kapuaskab.lupapassphrase.jobs.ConflictRetriedAtOnce;
import id.go.kapuaskab.lupapassphrase.jobs.DueJobsFirst;
import id.go.kapuaskab.lupapassphrase.jobs.JobExecutorWakeUp;
import id.go.kapuaskab.lupapassphrase.operations.EngineEventMetrics;
import id.go.kapuaskab.lupapassphrase.operations.NodeInLogs;
import id.go.kapuaskab.lupapassphrase.process.DiagramExpressions;
import id.go.kapuaskab.lupapassphrase.process.FormFields;
import id.go.kapuaskab.lupapassphrase.process.ProcessListeners;
import id.go.kapuaskab.lupapassphrase.process.ReachableFromDiagram;
import id.go.kapuaskab.lupapassphrase.process.ServiceTimeTimers;
import id.go.kapuaskab.lupapassphrase.process.TurnNotices;
import id.go.kapuaskab.lupapassphrase.request.SubmissionCheck;
import id.go.kapuaskab.lupapassphrase.security.VerifierTaskAuthorizations;
import id.go.kapuaskab.lupapassphrase.security.CallerGuard;
import id.go.kapuaskab.lupapassphrase.security.OfficeWideCounts;
import id.go.kapuaskab.lupapassphrase.security.PasswordChecks;
import id.go.kapuaskab.lupapassphrase.security.RememberedAuthorizationFacts;
import id.go.kapuaskab.lupapassphrase.security.RememberedLogins;
import id.go.kapuaskab.lupapassphrase.servicehours.ServiceHours;
import id.go.kapuaskab.lupapassphrase.setup.EngineSetup;
import id.go.kapuaskab.lupapassphrase.setup.SetupStep;
import id.go.kapuaskab.lupapassphrase.web.NoSerializedObjects;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The one place the product is wired into the engine: every extension, in the order the engine
 * applies them (each phase, preInit, postInit and after the build, runs the list from the top), with
 * the reason for each. The Spring starter adds every plugin bean it finds, in an order nothing states;
 * so no other class of the product is a plugin bean, only this list.
 */
@Configuration
class EngineExtensions {

  /** This node's name, on its job locks, in the logs and on the metrics. */
  @Bean
  NodeName nodeName(NodeSettings node, @Value("${server.port:8080}") int port) {
    return NodeName.of(node, port);
  }

  /** The rules a deployment of the SOP meets: the forms' declarations, and the beans the diagram may reach. */
  @Bean
  DiagramRules diagramRules(FormFields formFields, ApplicationContext context) {
    return new DiagramRules(formFields, new BeanNames(Set.of(context.getBeanNamesForAnnotation(ReachableFromDiagram.class)),
        context::containsBean));
  }

  @Bean
  ProductPlugins productPlugins(NodeName node, MeterRegistry registry, SubmissionCheck submissions,
      ApplicationContext context, DiagramRules diagramRules, List<SetupStep> setupSteps, TurnNotices notices, PlatformTransactionManager transactions,
      ServiceHours hours, RememberedLogins logins,
      @Value("${lupa-passphrase.jobs.wake-at-due-date:true}") boolean wakeAtDueDate) {
    List<ProcessEnginePlugin> plugins = new ArrayList<>(List.of(
        // this node's name on its job locks and in the job log; first, so a killed node's locks are released early
        new NodeIdentity(node),
        // every command's log lines name the node, whichever thread runs it
        new NodeInLogs(node),
        // who calls is checked inside the engine: guarded services, the command list, rules built into user tasks
        new CallerGuard(submissions),
        // office-wide statistics only for who may read every request counted (after the caller guard's check)
        new OfficeWideCounts(),
        // the login guard learns whether each password was compared, and with what result; the remembered
        // logins, of each change to users, groups and memberships
        new PasswordChecks(logins),
        // verifiers read tasks through one grant on the process (an applicant's grant on her own request: CallerGuard)
        preInit("verifier task authorizations",
            configuration -> configuration.setResourceAuthorizationProvider(new VerifierTaskAuthorizations())),
        // which groups have authorizations, and whether any revoke exists, read once a second, not in every command
        new RememberedAuthorizationFacts(),
        // expressions and scripts of the diagram reach only the beans it names, and no reflection
        new DiagramExpressions(context),
        // no variable value of type Object from a caller (the engine would answer 500)
        new NoSerializedObjects(),
        // the timers the diagram puts on service hours count the office's calendar, known to the engine by name
        new ServiceTimeTimers(hours),
        // a deployment of the SOP is made whole from the version it replaces and checked before it is parsed
        preInit("deployments of the SOP made whole and checked", configuration -> {
          List<Deployer> preDeployers = new ArrayList<>(Optional.ofNullable(configuration.getCustomPreDeployers())
              .orElse(List.of()));
          preDeployers.add(new SopDeployments(diagramRules));
          configuration.setCustomPreDeployers(preDeployers);
        }),
        // each SOP step's task shows its standard time and request number; each person is told of their turn
        new ProcessListeners(hours, notices),
        // a job that lost an optimistic-locking race runs again at once, not after its retry cycle
        new ConflictRetriedAtOnce(),
        // the JDK's own XML date and duration parser, named, so that each timer and retry cycle the engine parses
        // does not search the class path for another one first (a service-loader search of every jar per parse)
        preInit("the JDK's duration parser, named", configuration -> {
          if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
          }
        }),
        // the SQL mappings' reading of a property through a method that is not its getter, looked up once, not at each
        // reading (MyBatis's OGNL searched all of the class's methods every time)
        preInit("the mappings' read methods remembered", configuration -> RememberedReadMethods.install()),
        // the SQL mappings' parsed XML documents let go once the statements are built (MyBatis kept every mapping
        // file's document in the heap through its <sql> fragments)
        new MappingDocumentsReleased(),
        // each part of the dynamic SQL statements held once and its text without the files' indentation (MyBatis built
        // every statement from its own copy of each fragment it includes)
        new StatementPartsShared(),
        // the decision engine's FEEL made at the first decision that needs it, not at every start (the SOP has none)
        preInit("FEEL made at the first decision", configuration -> {
          DefaultDmnEngineConfiguration decisions = Optional.ofNullable(configuration.getDmnEngineConfiguration())
              .orElseGet(() -> (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
          if (decisions.getFeelEngineFactory() == null) {
            decisions.setFeelEngineFactory(new FeelOnFirstDecision(decisions));
          }
          configuration.setDmnEngineConfiguration(decisions);
        }),
        // the history keeps every change of the variables a request's record reads, not of each form field
        preInit("history of the recorded variables' changes", configuration -> {
          List<HistoryEventHandler> handlers = new ArrayList<>(List.of(new VariableUpdatesKept()));
          handlers.addAll(Optional.ofNullable(configuration.getCustomHistoryEventHandlers()).orElse(List.of()));
          configuration.setEnableDefaultDbHistoryEventHandler(false);
          configuration.setCustomHistoryEventHandlers(handlers);
        }),
        // each job log row's definition fields (fixed at deployment) read once per node, not in each command
        preInit("the job log's definitions remembered",
            configuration -> configuration.setHistoryEventProducer(new JobLogDefinitionsRemembered())),
        // the SOP's counters from the engine's history events, counted once their transaction commits
        new EngineEventMetrics(registry)));
    if (wakeAtDueDate) {
      // the job executor wakes when a job falls due, so SLA timers fire on time (docs/operations.md)
      plugins.add(new JobExecutorWakeUp());
    }
    // last: the process, filters, grants and users, once the engine with all of the above is built
    plugins.add(new EngineSetup(setupSteps, transactions));
    return new ProductPlugins(plugins);
  }

  /** The job executor's threads, whose queue puts the jobs due at a set moment first (the starter's, otherwise). */
  @Bean(name = DefaultJobConfiguration.JobConfiguration.CAMUNDA_TASK_EXECUTOR_QUALIFIER)
  @ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true", matchIfMissing = true)
  ThreadPoolTaskExecutor jobThreads(CamundaBpmProperties camunda) {
    return DueJobsFirst.threads(camunda.getJobExecution());
  }

  /** In place of the starter's job executor: a due SLA timer runs before the AMS calls queued ahead of it. */
  @Bean
  @ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true", matchIfMissing = true)
  JobExecutor jobExecutor(CamundaBpmProperties camunda,
      @Qualifier(DefaultJobConfiguration.JobConfiguration.CAMUNDA_TASK_EXECUTOR_QUALIFIER) ThreadPoolTaskExecutor threads) {
    return DueJobsFirst.configured(camunda.getJobExecution(), threads);
  }

  /** A plugin that only sets something on the configuration before the engine reads it. */
  private static ProcessEnginePlugin preInit(String what, Consumer<ProcessEngineConfigurationImpl> setting) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        setting.accept(configuration);
      }

      @Override
      public String toString() {
        return what;
      }
    };
  }

  /** The list as one plugin; what holds threads or connections is closed with the application. */
  static final class ProductPlugins extends CompositeProcessEnginePlugin implements AutoCloseable {

    ProductPlugins(List<ProcessEnginePlugin> plugins) {
      super(plugins);
    }

    @Override
    public void close() throws Exception {
      for (ProcessEnginePlugin plugin : getPlugins()) {
        if (plugin instanceof AutoCloseable closeable) {
          closeable.close();
        }
      }
    }
  }
}
