package id.go.kapuaskab.sandboxams;

import id.go.kapuaskab.lupapassphrase.ams.api.CertificateStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The holders the sandbox AMS knows from its first start, as its own file lists them. */
final class SandboxFixture {

  static final String HOLDERS = "sandbox-ams/holders.yaml";

  private SandboxFixture() {
  }

  static List<SandboxHolder> holders() {
    try (InputStream file = new ClassPathResource(HOLDERS).getInputStream()) {
      List<Map<String, String>> entries = new Yaml(new SafeConstructor(new LoaderOptions())).load(file);
      return entries.stream().map(entry -> new SandboxHolder(entry.get("nik"), entry.get("email"), entry.get("name"),
          CertificateStatus.valueOf(entry.get("status")), Instant.parse(entry.get("valid-from")),
          Instant.parse(entry.get("valid-to")))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the sandbox AMS's holders, " + HOLDERS, e);
    }
  }
}
