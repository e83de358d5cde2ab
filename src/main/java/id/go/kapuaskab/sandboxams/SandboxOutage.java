package id.go.kapuaskab.sandboxams;

import java.time.Duration;

/**
 * A switch on the outbox page that makes the sandbox's API fail, to watch the AMS service tasks
 * retry, raise an incident, and continue after a retry once AMS is "back"; or answer slowly, to
 * watch a node die in the middle of an AMS call.
 */
public class SandboxOutage {

  /** How the API behaves. */
  public enum Mode {
    NONE("Normal: AMS menjawab setiap panggilan."),
    DOWN("AMS mati: setiap panggilan API dijawab 503 tanpa diproses."),
    ANSWER_LOST("Jawaban hilang: AMS memproses panggilan, lalu jawabannya hilang (503)."),
    SLOW("Lambat: AMS memproses panggilan, lalu baru menjawab setelah 3 detik.");

    private final String description;

    Mode(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /** How long the answer takes in {@link Mode#SLOW}: well inside the client's read timeout (10 s). */
  public static final Duration SLOW_ANSWER = Duration.ofSeconds(3);

  private volatile Mode mode = Mode.NONE;

  public Mode mode() {
    return mode;
  }

  public void set(Mode mode) {
    this.mode = mode;
  }
}
