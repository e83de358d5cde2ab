package id.go.kapuaskab.lupapassphrase.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kapuaskab.lupapassphrase.security.EngineCommands.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.webapp.impl.db.QueryServiceImpl;
import org.junit.jupiter.api.Test;

/**
 * The caller guard's list holds every command of the Camunda jars the application ships, so an
 * engine upgrade that adds, removes or renames a command fails here instead of opening or closing a
 * door silently.
 */
class EngineCommandsTest {

  private static final EngineCommands COMMANDS = EngineCommands.load();

  @Test
  void everyCommandOfTheShippedCamundaJarsIsClassifiedAndEveryListedOneExists() throws Exception {
    Set<String> shipped = new TreeSet<>();
    shipped.addAll(commandsIn(jarOf(Command.class)));
    shipped.addAll(commandsIn(jarOf(QueryServiceImpl.class)));
    Set<String> listed = COMMANDS.listed().keySet();

    assertThat(shipped).as("command classes of the jars").hasSizeGreaterThan(300);
    assertThat(new TreeSet<>(shipped)).as("commands that engine-commands.txt does not classify")
        .isSubsetOf(listed);
    assertThat(new TreeSet<>(listed)).as("commands in engine-commands.txt that the jars no longer have")
        .isSubsetOf(shipped);

    Map<Kind, Long> counts = new TreeMap<>(COMMANDS.listed().values().stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
    System.out.println("engine-commands.txt: " + shipped.size() + " commands: " + counts);
  }

  @Test
  void aCommandOfCamundaThatTheListDoesNotNameIsTheAdministratorsOurOwnAreTheServers() {
    assertThat(COMMANDS.kindOf(CompleteTaskCmd.class)).isEqualTo(Kind.CHANGE);
    assertThat(COMMANDS.kindOf(TaskQueryImpl.class)).isEqualTo(Kind.READ);
    assertThat(COMMANDS.kindOf(AddCommentCmd.class)).isEqualTo(Kind.ADMINISTRATOR);
    Command<Void> lambda = context -> null;
    assertThat(COMMANDS.kindOf(lambda.getClass())).isEqualTo(Kind.SERVER);
    // a class of Camunda's that is not listed (here: not a command at all, standing in for a new one)
    assertThat(COMMANDS.kindOf(org.camunda.bpm.engine.impl.ProcessEngineImpl.class)).isEqualTo(Kind.ADMINISTRATOR);
  }

  @Test
  void aListWithAClassTwiceOrAnUnknownGroupIsRefusedNamingTheLine() {
    assertThatThrownBy(() -> EngineCommands.parse(lines("read a.B\nchange a.B\n")))
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> EngineCommands.parse(lines("# comment\nwrite a.B\n")))
        .hasMessageContaining("line 2");
  }

  private static BufferedReader lines(String text) {
    return new BufferedReader(new StringReader(text));
  }

  private static Path jarOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** The concrete classes in the jar that implement Command, anonymous and nested ones included. */
  private static Set<String> commandsIn(Path jar) throws IOException {
    Set<String> commands = new TreeSet<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : Collections.list(file.entries())) {
        String name = entry.getName();
        if (!name.endsWith(".class") || name.endsWith("module-info.class") || name.endsWith("package-info.class")) {
          continue;
        }
        Class<?> type = load(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
        if (type != null && Command.class.isAssignableFrom(type) && !type.isInterface()
            && !Modifier.isAbstract(type.getModifiers())) {
          commands.add(type.getName());
        }
      }
    }
    return commands;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, EngineCommandsTest.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      // a class whose optional dependencies are absent cannot be a command the application runs
      return null;
    }
  }
}
