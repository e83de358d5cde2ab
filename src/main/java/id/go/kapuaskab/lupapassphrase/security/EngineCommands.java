package id.go.kapuaskab.lupapassphrase.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What each command of the engine in use is for a caller, as engine-commands.txt beside this class
 * lists them: a read, one of the SOP's changes, a deployment (the process owner's), or the administrator's. A command of Camunda's own
 * jars that the list does not name is the administrator's, so an engine upgrade opens no door by
 * itself (EngineCommandsTest fails the build until the new commands are listed). Commands of the
 * application's own code are the server's: a caller cannot choose them.
 */
final class EngineCommands {

  static final String LIST = "engine-commands.txt";
  private static final String CAMUNDA = "org.camunda.bpm.";

  enum Kind {
    /** Reads only; the engine's authorizations decide what the caller sees. */
    READ,
    /** A change the SOP has people make, checked by the guarded services. */
    CHANGE,
    /** Deploying the SOP's diagram and forms: the process owner's (and the administrator's) alone. */
    DEPLOYMENT,
    /** The administrator's: refused to every other caller. */
    ADMINISTRATOR,
    /** The application's own code, which runs what it chooses. */
    SERVER
  }

  private final Map<String, Kind> kinds;

  private EngineCommands(Map<String, Kind> kinds) {
    this.kinds = kinds;
  }

  static EngineCommands load() {
    try (InputStream in = EngineCommands.class.getResourceAsStream(LIST)) {
      if (in == null) {
        throw new IllegalStateException(LIST + " is missing beside " + EngineCommands.class.getName());
      }
      return new EngineCommands(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Kind> parse(BufferedReader lines) throws IOException {
    Map<String, Kind> kinds = new HashMap<>();
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      String entry = line.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      String[] parts = entry.split("\\s+");
      Kind kind = parts.length == 2 ? kindNamed(parts[0]) : null;
      if (kind == null || kinds.put(parts[1], kind) != null) {
        throw new IllegalStateException(LIST + " line " + number + ": expected 'read|change|deploy|admin <class>' once per class: "
            + line);
      }
    }
    return kinds;
  }

  private static Kind kindNamed(String word) {
    return switch (word) {
      case "read" -> Kind.READ;
      case "change" -> Kind.CHANGE;
      case "deploy" -> Kind.DEPLOYMENT;
      case "admin" -> Kind.ADMINISTRATOR;
      default -> null;
    };
  }

  Kind kindOf(Class<?> command) {
    String name = command.getName();
    Kind listed = kinds.get(name);
    if (listed != null) {
      return listed;
    }
    return name.startsWith(CAMUNDA) ? Kind.ADMINISTRATOR : Kind.SERVER;
  }

  /** The listed classes, for the test that holds the list against the jars. */
  Map<String, Kind> listed() {
    return Map.copyOf(kinds);
  }
}
