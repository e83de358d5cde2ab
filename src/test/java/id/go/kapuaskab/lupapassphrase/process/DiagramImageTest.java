package id.go.kapuaskab.lupapassphrase.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The diagram image in docs/ (shown in the README) shows the diagram as it is now. */
class DiagramImageTest {

  private static final Pattern RENDERED_FROM = Pattern.compile("<!-- rendered from bpmn/(\\S+) sha256:([0-9a-f]{64}) -->");

  @Test
  void theCommittedImageWasRenderedFromTheCurrentDiagram() throws Exception {
    Path svg = Path.of("docs/lupa-passphrase.svg");
    Matcher header = RENDERED_FROM.matcher(Files.readString(svg));
    assertThat(header.find()).as("%s names the diagram it was rendered from", svg).isTrue();
    byte[] diagram = Files.readAllBytes(Path.of("bpmn", header.group(1)));

    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(diagram)))
        .as("docs/ is out of date with bpmn/%s: render it again with "
            + "`npm --prefix src/diagram ci && npm --prefix src/diagram run render` and commit docs/", header.group(1))
        .isEqualTo(header.group(2));
    assertThat(Files.size(Path.of("docs/lupa-passphrase.png"))).isPositive();
  }
}
