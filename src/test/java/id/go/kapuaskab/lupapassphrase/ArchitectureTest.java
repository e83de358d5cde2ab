package id.go.kapuaskab.lupapassphrase;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/**
 * The package layout of the README, held on the compiled classes: packages depend on each other in
 * one direction only, production code does not reach into the stand-in AMS or the demo people, and
 * the engine's internals (org.camunda.bpm.engine.impl) are used only where the engine offers no
 * public way, in the places named here.
 */
class ArchitectureTest {

  private static final String BASE = "id.go.kapuaskab.lupapassphrase";
  private static final JavaClasses PRODUCTION = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);

  /** The places that must use the engine's internals, and why. */
  private static final Map<String, String> ENGINE_INTERNALS = Map.ofEntries(
      Map.entry("security.CallerGuard", "installs the command interceptor, the services and a parse listener"),
      Map.entry("security.CallerCommands", "the interceptor on the engine's commands"),
      Map.entry("security.OfficeWideCounts", "an interceptor on the engine's process-definition statistics query"),
      Map.entry("security.Caller", "whether a call comes from inside a running command"),
      Map.entry("security.QueryExpressions", "the queries a command carries, and the expressions written into them"),
      Map.entry("security.GuardedIdentityService", "the engine's identity service, decorated"),
      Map.entry("security.GuardedRuntimeService", "the engine's runtime service, decorated"),
      Map.entry("security.GuardedTaskService", "the engine's task service, decorated; unclaim without TASK_ASSIGN"),
      Map.entry("security.GuardedFormService", "the engine's form service, decorated"),
      Map.entry("security.ApplicantAuthorizationProvider", "the engine's authorization provider, extended"),
      Map.entry("security.PasswordRules", "the engine's password policy, to say why a password is refused"),
      Map.entry("security.AdminAccount", "the engine's user entity, as its password policy takes it"),
      Map.entry("security.PasswordChecks", "the engine's identity provider, telling the login guard what it found"),
      Map.entry("setup.EngineSetup", "set-up under the engine's own start-up lock"),
      Map.entry("process.ProcessListeners", "listeners built into every version of the diagram as it is parsed"),
      Map.entry("request.RequestNumbers", "a number no request has, looked up inside the opening command"),
      Map.entry("request.OpenRequestListener", "the applicant's open requests, counted inside the opening command"),
      Map.entry("process.AmsRetry", "the engine's reading of a retry cycle, to refuse a bad one at start"),
      Map.entry("operations.EngineEventMetrics", "the engine's history events, counted once their transaction commits"),
      Map.entry("operations.JobExecutorHealth", "when the job executor last looked for jobs"),
      Map.entry("operations.NodeInLogs", "a command interceptor that names the node in the log context"));

  @Test
  void packagesDependOnEachOtherInOneDirectionOnly() {
    slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(PRODUCTION);
  }

  @Test
  void productionCodeDoesNotReachIntoTheSandboxOrTheDemo() {
    noClasses().that().resideOutsideOfPackages(BASE + ".ams.sandbox..", BASE + ".demo..")
        // the jar's entry point starts either the application or, with its profile, the sandbox alone
        .and().doNotHaveFullyQualifiedName(LupaPassphraseApplication.class.getName())
        .should().dependOnClassesThat().resideInAnyPackage(BASE + ".ams.sandbox..", BASE + ".demo..")
        .check(PRODUCTION);
  }

  @Test
  void theEnginesInternalsAreUsedOnlyWhereTheEngineOffersNoPublicWay() {
    noClasses()
        .that(resideOutsideOfPackages(
            BASE + ".jobs..", // the job executor woken at due dates
            BASE + ".cluster..") // one engine's name and job locks among several nodes
            .and(not(describe("named in ENGINE_INTERNALS",
                (JavaClass type) -> ENGINE_INTERNALS.containsKey(named(type))))))
        .should().dependOnClassesThat(resideInAnyPackage("org.camunda.bpm.engine.impl..").and(not(belongToAnyOf(
            // the documented plugin API
            AbstractProcessEnginePlugin.class, ProcessEngineConfigurationImpl.class,
            // what IdentityService.getCurrentAuthentication() returns
            Authentication.class,
            // the engine's clock, which the tests move
            ClockUtil.class))))
        .check(PRODUCTION);
  }

  /** The class as ENGINE_INTERNALS names it: below the base package, a nested class by its outer class. */
  private static String named(JavaClass type) {
    return type.getName().substring(BASE.length() + 1).replaceFirst("\\$.*", "");
  }
}
