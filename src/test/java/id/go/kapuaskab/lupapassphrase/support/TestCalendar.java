package id.go.kapuaskab.lupapassphrase.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.UnaryOperator;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The shipped service calendar as a file the shared context reads, so a test can change it as an operator
 * would (and put it back) while timers wait.
 */
public final class TestCalendar {

  public static final String SHIPPED = "/service-hours/kalender-layanan.yaml";
  private static final Path FILE = copyOfShipped();

  private TestCalendar() {
  }

  public static void register(DynamicPropertyRegistry registry) {
    registry.add("lupa-passphrase.service-hours.calendar", () -> FILE.toUri().toString());
  }

  /** The calendar file changed as the operator would change it; its time moves on, so it is read again. */
  public static void change(UnaryOperator<String> edit) {
    write(edit.apply(shipped()));
  }

  /** The shipped calendar again. */
  public static void restore() {
    write(shipped());
  }

  public static String shipped() {
    try (InputStream in = TestCalendar.class.getResourceAsStream(SHIPPED)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(String text) {
    try {
      FileTime before = Files.getLastModifiedTime(FILE);
      Files.writeString(FILE, text);
      // a second later than before, whatever the file system's resolution
      Files.setLastModifiedTime(FILE, FileTime.fromMillis(before.toMillis() + 1000));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path copyOfShipped() {
    try {
      Path file = Files.createTempDirectory("kalender-layanan").resolve("kalender-layanan.yaml");
      Files.writeString(file, shipped());
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
