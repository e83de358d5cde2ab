package id.go.kapuaskab.lupapassphrase;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependency;
import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependencyTarget;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import id.go.kapuaskab.sandboxams.SandboxAmsApplication;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/**
 * The package layout of the README, held on the compiled classes: packages depend on each other in
 * one direction only, production code does not reach into the demo people, the stand-in AMS and the
 * product share nothing but the AMS contract, and the engine's internals (org.camunda.bpm.engine.impl)
 * are used only where the engine offers no public way, in the places named here.
 */
class ArchitectureTest {

  private static final String BASE = "id.go.kapuaskab.lupapassphrase";
  /** The stand-in AMS: another system that the jar also carries, not a part of the product. */
  private static final String SANDBOX = "id.go.kapuaskab.sandboxams";
  /** The AMS contract (docs/ams-api.yaml): the one thing the product and the stand-in AMS share. */
  private static final String CONTRACT = BASE + ".ams.api";
  private static final JavaClasses PRODUCTION = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE, SANDBOX);

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
      Map.entry("engine.EngineExtensions", "the product's extensions as the engine's one composite plugin, in order"),
      Map.entry("setup.EngineSetup", "set-up under the engine's own start-up lock"),
      Map.entry("process.ProcessListeners", "listeners built into every version of the diagram as it is parsed"),
      Map.entry("request.RequestNumbers", "a number no request has, looked up inside the opening command"),
      Map.entry("request.OpenRequestListener", "the applicant's open requests, counted inside the opening command"),
      Map.entry("deployment.SopDeployments", "a pre-deployer: the deployment's files, made whole, inside its transaction"),
      Map.entry("deployment.DiagramRules", "the engine's reading of a timer's duration, to refuse one it cannot read"),
      Map.entry("process.AmsRetry", "the engine's reading of a retry cycle, to refuse a bad one at start"),
      Map.entry("operations.EngineEventMetrics", "the engine's history events, counted once their transaction commits"),
      Map.entry("operations.JobExecutorHealth", "when the job executor last looked for jobs"),
      Map.entry("operations.NodeInLogs", "a command interceptor that names the node in the log context"));

  @Test
  void packagesDependOnEachOtherInOneDirectionOnly() {
    slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(PRODUCTION);
  }

  @Test
  void topLevelPackagesDependOnEachOtherInOneDirectionOnly() {
    // a loop through a sub-package (a.x -> b -> a) joins no two whole packages: it shows at this depth only
    slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(PRODUCTION);
  }

  @Test
  void productionCodeDoesNotReachIntoTheDemo() {
    noClasses().that().resideOutsideOfPackage(BASE + ".demo..")
        .should().dependOnClassesThat().resideInAPackage(BASE + ".demo..")
        .check(PRODUCTION);
  }

  @Test
  void theProductKnowsOfTheSandboxAmsOnlyHowToStartItAlone() {
    classes().that().resideInAPackage(BASE + "..")
        .should(onlyHaveDependenciesWhere(dependencyTarget(resideOutsideOfPackage(SANDBOX + ".."))
            // the jar's one entry point starts, under the profile sandbox-ams, the sandbox AMS alone
            .or(dependency(LupaPassphraseApplication.class, SandboxAmsApplication.class))))
        .check(PRODUCTION);
  }

  @Test
  void theSandboxAmsKnowsOfTheProductOnlyTheContract() {
    noClasses().that().resideInAPackage(SANDBOX + "..")
        .should().dependOnClassesThat(resideInAPackage(BASE + "..").and(resideOutsideOfPackage(CONTRACT + "..")))
        .check(PRODUCTION);
  }

  @Test
  void theAmsContractStandsAlone() {
    noClasses().that().resideInAPackage(CONTRACT + "..")
        .should().dependOnClassesThat(resideInAnyPackage(BASE + "..", SANDBOX + "..")
            .and(resideOutsideOfPackage(CONTRACT + "..")))
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
