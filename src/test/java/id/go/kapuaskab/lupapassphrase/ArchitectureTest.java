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

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import id.go.kapuaskab.lupapassphrase.process.ReachableFromDiagram;
import id.go.kapuaskab.sandboxams.SandboxAmsApplication;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
  /** Production code with its tests, for the rules that ask who uses a class. */
  private static final JavaClasses WITH_TESTS = new ClassFileImporter().importPackages(BASE, SANDBOX);
  /**
   * Production classes that a framework finds by name and makes from its own package: the entry points
   * Spring Boot's launcher starts, and what the resources name for the service loader, Spring and Logback.
   */
  private static final Set<String> FRAMEWORK_LOADED = Stream.concat(
      Stream.of(LupaPassphraseApplication.class.getName(), SandboxAmsApplication.class.getName()),
      namedInResources()).collect(Collectors.toSet());

  /** The places that must use the engine's internals, and why. */
  private static final Map<String, String> ENGINE_INTERNALS = Map.ofEntries(
      Map.entry("security.CallerGuard", "installs the command interceptor, the services and a parse listener"),
      Map.entry("security.CallerCommands", "the interceptor on the engine's commands"),
      Map.entry("security.OfficeWideCounts", "an interceptor on the engine's process-definition statistics query"),
      Map.entry("security.Caller", "whether a call comes from inside a running command"),
      Map.entry("security.QueryExpressions", "the queries a command carries, and the expressions written into them"),
      Map.entry("security.GuardedIdentityService", "the engine's identity service, decorated"),
      Map.entry("security.GuardedRuntimeService", "the engine's runtime service, decorated"),
      Map.entry("security.GuardedRepositoryService", "the engine's repository service, decorated"),
      Map.entry("security.GuardedTaskService", "the engine's task service, decorated; unclaim without TASK_ASSIGN"),
      Map.entry("security.GuardedFormService", "the engine's form service, decorated"),
      Map.entry("security.VerifierTaskAuthorizations", "the engine's authorization provider, extended"),
      Map.entry("security.OwnRequestGrant", "the applicant's grant on her request, made as it starts, in its command"),
      Map.entry("security.PasswordRules", "the engine's password policy, to say why a password is refused"),
      Map.entry("security.AdminAccount", "the engine's user entity, as its password policy takes it"),
      Map.entry("security.PasswordChecks",
          "the engine's identity provider, telling the login guard what it found, the remembered logins what changed"),
      Map.entry("security.RememberedAuthorizationFacts",
          "the engine's authorization manager, taking two facts every command reads from a reading of once a second"),
      Map.entry("security.ClaimedTaskRule", "the task the completion loaded, read from the command's entities"),
      Map.entry("engine.EngineExtensions", "the product's extensions as the engine's one composite plugin, in order"),
      Map.entry("setup.EngineSetup", "set-up under the engine's own start-up lock"),
      Map.entry("process.ProcessListeners", "listeners built into every version of the diagram as it is parsed"),
      Map.entry("process.ServiceTimeTimers", "the diagram's choice of clock per timer, read as the engine parses it"),
      Map.entry("servicehours.ServiceHours", "the service calendar among the engine's business calendars"),
      Map.entry("request.RequestNumbers", "a number no request has, looked up inside the opening command"),
      Map.entry("request.OpenRequestListener", "the applicant's open requests, counted inside the opening command"),
      Map.entry("deployment.SopDeployments", "a pre-deployer: the deployment's files, made whole, inside its transaction"),
      Map.entry("deployment.DiagramRules", "the engine's reading of a timer's duration, to refuse one it cannot read"),
      Map.entry("process.AmsRetry", "the engine's reading of a retry cycle, to refuse a bad one at start"),
      Map.entry("audit.VariableUpdatesKept", "the engine's history writer, keeping the details the record reads only"),
      Map.entry("audit.ScopeStartTimes", "the start times of the history's scope events that writer inserted"),
      Map.entry("engine.JobLogDefinitionsRemembered", "the engine's history producer, a job's definition read once"),
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
            BASE + ".jobs..", // the job executor woken at due dates, and its queue putting due jobs first
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

  @Test
  void aClassIsPublicOnlyWhereAnotherPackageUsesIt() {
    classes().that(describe("are production code", ArchitectureTest::isProductionCode))
        .and().arePublic().and().areTopLevelClasses()
        .and(not(describe("loaded by name by a framework", ArchitectureTest::isLoadedByName)))
        .and(not(describe("made by Jersey", ArchitectureTest::isMadeByJersey)))
        .and(not(describe("holding constants only", ArchitectureTest::holdsConstantsOnly)))
        .should(beUsedFromAnotherPackage())
        .check(WITH_TESTS);
  }

  @Test
  void whatAFrameworkLoadsByNameIsPublic() {
    classes().that(describe("are loaded by name by a framework", ArchitectureTest::isLoadedByName))
        .should().bePublic()
        .check(PRODUCTION);
  }

  /**
   * Public is what another package uses, in production code or in a test: every dependency on a type
   * counts but a compile-time constant, which javac copies into its user (see holdsConstantsOnly).
   */
  private static ArchCondition<JavaClass> beUsedFromAnotherPackage() {
    return new ArchCondition<>("be used from another package") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        boolean used = type.getDirectDependenciesToSelf().stream()
            .anyMatch(use -> !use.getOriginClass().getPackageName().equals(type.getPackageName()))
            || isInAPublicSignature(type) || isImportedForItsConstants(type);
        if (!used) {
          events.add(SimpleConditionEvent.violated(type, type.getName() + " is public, yet no other package uses it"));
        }
      }
    };
  }

  /**
   * A class named in the resources, or a bean the diagram's expressions name: the engine's expression
   * language calls its methods and reads its properties from its own package.
   */
  private static boolean isLoadedByName(JavaClass type) {
    return FRAMEWORK_LOADED.contains(type.getName()) || type.isAnnotatedWith(ReachableFromDiagram.class);
  }

  /** Resources, their parameter beans and providers: JAX-RS makes them and wants them public. */
  private static boolean isMadeByJersey(JavaClass type) {
    return type.isAnnotatedWith(jakarta.ws.rs.Path.class)
        || type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(jakarta.ws.rs.Path.class))
        || type.getAllRawInterfaces().stream().anyMatch(contract -> contract.getPackageName().startsWith("jakarta.ws.rs"))
        || type.getFields().stream().anyMatch(field -> field.isAnnotatedWith(QueryParam.class));
  }

  /** The classes that the resources name: service lists, Spring's factories, Logback's configuration. */
  private static Stream<String> namedInResources() {
    Pattern className = Pattern.compile("id\\.go\\.kapuaskab\\.[\\w.$]+");
    try (Stream<Path> resources = files(Path.of("src/main/resources"), file -> true)) {
      return resources.flatMap(file -> className.matcher(read(file)).results().map(MatchResult::group)).toList().stream();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isProductionCode(JavaClass type) {
    return type.getSource().map(source -> new ImportOption.DoNotIncludeTests().includes(Location.of(source.getUri())))
        .orElse(false);
  }

  /** What a public method or constructor of a public class takes or returns is part of that API. */
  private static boolean isInAPublicSignature(JavaClass type) {
    return type.getDirectDependenciesToSelf().stream()
        .map(Dependency::getOriginClass)
        .filter(user -> user.isTopLevelClass() && user.getModifiers().contains(JavaModifier.PUBLIC))
        .distinct()
        .flatMap(user -> user.getCodeUnits().stream())
        .filter(member -> member.getModifiers().contains(JavaModifier.PUBLIC))
        .anyMatch(member -> member.getRawReturnType().equals(type) || member.getRawParameterTypes().contains(type));
  }

  /**
   * javac copies a compile-time constant into the class that reads it, so the bytecode shows no use of
   * a class for its public constants; the sources of the other packages do, in their imports.
   */
  private static boolean isImportedForItsConstants(JavaClass type) {
    boolean hasPublicConstants = type.getFields().stream().anyMatch(field -> isConstant(field)
        && field.getModifiers().contains(JavaModifier.PUBLIC));
    Path ownPackage = Path.of(type.getPackageName().replace('.', '/'));
    Pattern imported = Pattern.compile("^import (static )?" + Pattern.quote(type.getName()) + "[.;]", Pattern.MULTILINE);
    try (Stream<Path> sources = Stream.of("src/main/java", "src/test/java").map(Path::of)
        .flatMap(root -> files(root, file -> file.toString().endsWith(".java")))) {
      return hasPublicConstants && sources
          .filter(source -> !source.getParent().endsWith(ownPackage))
          .anyMatch(source -> imported.matcher(read(source)).find());
    }
  }

  private static Stream<Path> files(Path root, Predicate<Path> which) {
    try {
      return Files.walk(root).filter(Files::isRegularFile).filter(which);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isConstant(JavaField field) {
    return field.getModifiers().containsAll(Set.of(JavaModifier.STATIC, JavaModifier.FINAL))
        && (field.getRawType().isPrimitive() || field.getRawType().isEquivalentTo(String.class));
  }

  /** A holder of compile-time constants only: its users' bytecode holds the values, not the class. */
  private static boolean holdsConstantsOnly(JavaClass type) {
    return !type.getFields().isEmpty()
        && type.getFields().stream().allMatch(ArchitectureTest::isConstant)
        && type.getMethods().stream().allMatch(method -> method.getModifiers().contains(JavaModifier.PRIVATE));
  }

  /** The class as ENGINE_INTERNALS names it: below the base package, a nested class by its outer class. */
  private static String named(JavaClass type) {
    return type.getName().substring(BASE.length() + 1).replaceFirst("\\$.*", "");
  }
}
