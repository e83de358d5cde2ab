package id.go.kapuaskab.lupapassphrase.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.process.FormFields;
import id.go.kapuaskab.lupapassphrase.process.SopForms;
import id.go.kapuaskab.lupapassphrase.support.Browserless;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The forms read the request's limits from the server when they open: what the configuration says
 * is what the form checks and shows, and no form writes a limit of its own.
 */
class FormRulesTest extends IntegrationTest {

  private static final FormFields FORMS = new FormFields(List.of(new SopForms()));

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aLoggedInUserReadsTheRulesAsConfiguredAndNobodyElse() throws Exception {
    Browserless ani = new Browserless(port);
    assertThat(ani.get(FormRulesController.PATH).statusCode()).isEqualTo(401);
    assertThat(ani.login("tasklist", "ani", "demo").statusCode()).isEqualTo(200);

    var answer = ani.get(FormRulesController.PATH);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    JsonNode rules = JSON.readTree(answer.body());
    assertThat(rules.get("officialEmailDomains")).extracting(JsonNode::asText).containsExactly("go.id");
    assertThat(rules.get("letterMaxBytes").asLong()).isEqualTo(DataSize.ofMegabytes(2).toBytes());
    assertThat(rules.get("letterMaxText").asText()).isEqualTo("2 MB");
    assertThat(rules.get("maxLength").get("agency").asInt()).isEqualTo(150);
    assertThat(rules.get("maxLength").get("rejectionReason").asInt()).isEqualTo(500);
  }

  @Test
  void anotherConfigurationGivesTheFormsOtherLimits() {
    FormRules rules = new FormRules.Source(new RequestSettings(List.of("kapuaskab.go.id", "kalteng.go.id"),
        DataSize.ofMegabytes(3)), FORMS).rules();
    // the form compiles the pattern case-insensitively, as the server compares domains
    Pattern email = Pattern.compile(rules.officialEmailPattern(), Pattern.CASE_INSENSITIVE);

    assertThat(rules.letterMaxText()).isEqualTo("3 MB");
    assertThat(rules.letterMaxBytes()).isEqualTo(3L * 1024 * 1024);
    assertThat(Stream.of("ani@kapuaskab.go.id", "Ani@Dinkes.KALTENG.go.id")).allMatch(a -> email.matcher(a).matches());
    assertThat(Stream.of("ani@go.id", "ani@kapuaskabXgo.id", "ani@gmail.com", "ani@kalteng.go.id.example.com"))
        .noneMatch(a -> email.matcher(a).matches());
  }

  @Test
  void theFormsQuickChecksAgreeWithTheServerOnEveryShape() {
    RequestSettings settings = new RequestSettings(List.of("go.id"), DataSize.ofMegabytes(2));
    FormRules rules = new FormRules.Source(settings, FORMS).rules();
    RequestRules server = new RequestRules(settings);

    for (String nik : List.of("6203014507900001", "620301450790001", "62030145079000a1", "62030145079000012")) {
      assertThat(Pattern.compile(rules.nikPattern()).matcher(nik).matches()).as(nik).isEqualTo(accepts(server::checkNik, nik));
    }
    for (String nip : List.of("199007052015032001", "19900705201503200", "19900705201503200x")) {
      assertThat(Pattern.compile(rules.nipPattern()).matcher(nip).matches()).as(nip).isEqualTo(accepts(server::checkNip, nip));
    }
    Pattern email = Pattern.compile(rules.officialEmailPattern(), Pattern.CASE_INSENSITIVE);
    for (String address : List.of("ani@kapuaskab.go.id", "ANI@GO.ID", "ani@gmail.com", "ani@", "ani@notgo.id")) {
      assertThat(email.matcher(address).matches()).as(address).isEqualTo(accepts(server::checkOfficialEmail, address));
    }
  }

  private static boolean accepts(Consumer<String> rule, String value) {
    try {
      rule.accept(value);
      return true;
    } catch (InvalidInputException refused) {
      return false;
    }
  }

  @Test
  void noFormWritesALimitOfItsOwn() throws Exception {
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        String text = Files.readString(form);
        assertThat(text).as("%s: the e-mail domain comes from the server", form).doesNotContain("go.id");
        assertThat(text).as("%s: the letter's size comes from the server", form).doesNotContainPattern("\\d+\\s*MB");
        assertThat(text).as("%s: the standard time comes from the diagram", form).doesNotContainPattern("\\d+\\s*menit");
      }
    }
  }
}
