package id.go.kapuaskab.lupapassphrase.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kapuaskab.lupapassphrase.process.FormField;
import id.go.kapuaskab.lupapassphrase.process.SopForms;
import id.go.kapuaskab.lupapassphrase.support.Letters;
import java.util.Arrays;
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
  @ValueSource(strings = {"6203012902000001", "6203016902000001", "6203013112990001"})
  void acceptsNikWhoseDateExistsInEitherCentury(String nik) {
    // 29 February 2000 (a man, a woman), 31 December 1999
    assertThatCode(() -> rules.checkNik(nik)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"620301450790001", "62030145079000012", "62030145079000a1", "6203014507900000",
      "0003014507900001", "6203013507900001", "6203014513900001", "6203017207900001",
      "6203013102900001", "6203017102900001", "6203013104900001", "6203012902010001", "6203010000900001"})
  void refusesNikOfTheWrongShapeOrADateThatCannotExist(String nik) {
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
  void refusesAnyVariableNamedForACredentialHoweverItIsWritten() {
    for (String name : List.of("passphrase", "newPassphrase", "password", "user_pin", "otp", "kata_sandi", "PIN",
        "Pass_Phrase", "PASS-PHRASE", "pass.phrase", "pass\u200Bphrase", "pa\u00ADssword", "ＰＡＳＳＷＯＲＤ",
        "Kata Sandi", "OTP_code", "newPIN", "p_i_n", "pass\u202Eword")) {
      assertThatThrownBy(() -> rules.refuseCredentials(Set.of(name))).as(name).hasMessageStartingWith(name + ": ");
    }
    assertThatCode(() -> rules.refuseCredentials(Set.of("opinion", "shipping", "activationDoneInAms", "nik",
        "spinner", "pinnedNote"))).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ani\u200BLestari", "Ani\u202ELestari", "Ani\u2066Lestari", "Ani\u00ADLestari",
      "Ani\uFEFFLestari", "Ani\nLestari", "Ani\u2028Lestari", "Ani\u0007Lestari", "Ani\uE000Lestari"})
  void aOneLineTextRefusesControlInvisibleAndBidirectionalCharacters(String name) {
    assertThatThrownBy(() -> rules.checkText(SopForms.requestField("applicantName"), name))
        .hasMessageStartingWith("applicantName: ");
  }

  @Test
  void aTextOfSeveralLinesTakesLineBreaksButNoInvisibleCharacters() {
    FormField reason = FormField.text("rejectionReason", "Alasan penolakan", 500);

    assertThat(rules.checkText(reason, "Tanda tangan tidak ada.\r\nNIK tidak terbaca.\t"))
        .isEqualTo("Tanda tangan tidak ada.\r\nNIK tidak terbaca.");
    assertThatThrownBy(() -> rules.checkText(reason, "Tolak\u202E")).hasMessageStartingWith("rejectionReason: ");
  }

  @Test
  void surroundingWhiteSpaceIsTrimmedNotCounted() {
    assertThat(rules.checkText(SopForms.requestField("officialEmail"), "  ani@kapuaskab.go.id \t"))
        .isEqualTo("ani@kapuaskab.go.id");
    assertThat(rules.checkText(SopForms.requestField("nik"), " 6203014507900001 ")).isEqualTo("6203014507900001");
  }

  @Test
  void aLetterMustBeAPdfThatReadsWhole() {
    assertThatCode(() -> rules.checkLetter(Letters.file("surat.pdf", "application/pdf",
        Letters.statementOf("Ani Lestari")))).doesNotThrowAnyException();
    for (byte[] broken : List.of("%PDF-1.7 lima bita saja".getBytes(), "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n%%EOF".getBytes(),
        truncated(Letters.statementOf("Ani Lestari")))) {
      assertThatThrownBy(() -> rules.checkLetter(Letters.file("surat.pdf", "application/pdf", broken)))
          .hasMessageStartingWith("statementLetter: ");
    }
  }

  private static byte[] truncated(byte[] pdf) {
    return Arrays.copyOf(pdf, pdf.length / 3);
  }
}
