package id.go.kapuaskab.lupapassphrase.request;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kapuaskab.lupapassphrase.support.Letters;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

class RequestRulesTest {

  private final RequestRules rules = new RequestRules(new RequestSettings(List.of("go.id"), DataSize.ofMegabytes(2)));

  @ParameterizedTest
  @ValueSource(strings = {"6203014507900001", "6203021203880002", "3171011012990123"})
  void acceptsWellFormedNik(String nik) {
    assertThatCode(() -> rules.checkNik(nik)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"620301450790001", "62030145079000012", "62030145079000a1", "6203014507900000",
      "0003014507900001", "6203013507900001", "6203014513900001", "6203017207900001"})
  void refusesNikOfTheWrongShape(String nik) {
    assertThatThrownBy(() -> rules.checkNik(nik)).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("nik: ");
  }

  @Test
  void acceptsWellFormedNip() {
    assertThatCode(() -> rules.checkNip("199007052015032001")).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"19900705201503200", "199007052015032000", "199013052015032001", "199007052015033001",
      "199007052015132001", "199007051985032001", "19900705201503200x"})
  void refusesNipOfTheWrongShape(String nip) {
    assertThatThrownBy(() -> rules.checkNip(nip)).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("nip: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ani.lestari@kapuaskab.go.id", "ani@go.id", "Ani@KAPUASKAB.GO.ID"})
  void acceptsOfficialEmail(String email) {
    assertThatCode(() -> rules.checkOfficialEmail(email)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ani@gmail.com", "ani@notgo.id", "ani@go.id.example.com", "ani", "ani@", "@kapuaskab.go.id"})
  void refusesOtherEmail(String email) {
    assertThatThrownBy(() -> rules.checkOfficialEmail(email)).hasMessageStartingWith("officialEmail: ");
  }

  @Test
  void acceptsASmallPdf() {
    assertThatCode(() -> rules.checkLetter(Letters.pdf())).doesNotThrowAnyException();
  }

  @Test
  void refusesLettersThatAreNotSmallPdfFiles() {
    assertThatThrownBy(() -> rules.checkLetter(Letters.oversizedPdf())).hasMessageContaining("2 MB");
    assertThatThrownBy(() -> rules.checkLetter(Letters.file("surat.pdf", "application/pdf", "<html>".getBytes())))
        .hasMessageContaining("PDF");
    assertThatThrownBy(() -> rules.checkLetter(Letters.file("surat.png", "image/png", Letters.PDF)))
        .hasMessageContaining("PDF");
    assertThatThrownBy(() -> rules.checkLetter(Letters.file("kosong.pdf", "application/pdf", new byte[0])))
        .hasMessageContaining("kosong");
    assertThatThrownBy(() -> rules.checkLetter(Variables.stringValue("JVBERi0=")))
        .hasMessageContaining("berkas");
    assertThatThrownBy(() -> rules.checkLetter(null)).hasMessageStartingWith("statementLetter: ");
  }

  @Test
  void refusesAnyVariableNamedForACredential() {
    for (String name : List.of("passphrase", "newPassphrase", "password", "user_pin", "otp", "kata_sandi", "PIN")) {
      assertThatThrownBy(() -> rules.refuseCredentials(Set.of(name))).as(name).hasMessageStartingWith(name + ": ");
    }
    assertThatCode(() -> rules.refuseCredentials(Set.of("opinion", "shipping", "activationDoneInAms", "nik")))
        .doesNotThrowAnyException();
  }
}
