package id.go.kapuaskab.lupapassphrase.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Text from data never reads as a formula, wherever a spreadsheet splits the file into cells. */
class ComplianceCsvTest {

  /** Where Excel may start a cell: Indonesian Excel splits on ";", English on ",", either at a line break. */
  private static final Pattern CELL_STARTS = Pattern.compile("[;,\\r\\n]");
  /** A piece that starts a formula once the quotes and spaces before it are gone. */
  private static final Pattern FORMULA = Pattern.compile("^[\\s\"]*[=+\\-@].*", Pattern.DOTALL);

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of("Ani Lestari", "Ani Lestari"),
        Arguments.of("Ani-Lestari", "Ani-Lestari"),
        Arguments.of("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        Arguments.of("@SUM(A1)", "'@SUM(A1)"),
        Arguments.of("\tBudi", "'\tBudi"),
        Arguments.of("\r=1+1", "'\r'=1+1"),
        Arguments.of("Budi;=cmd|' /C calc'!A0;x", "Budi;'=cmd|' /C calc'!A0;x"),
        Arguments.of("Budi; +1;-2", "Budi; '+1;'-2"),
        Arguments.of("Budi;\"=1+1\"", "Budi;\"'=1+1\""),
        Arguments.of("Budi,=1+1", "Budi,'=1+1"),
        Arguments.of("Budi\n@SUM(A1)", "Budi\n'@SUM(A1)"));
  }

  @ParameterizedTest
  @MethodSource("names")
  void aNameNeverReadsAsAFormulaAndTheColumnsStayAsDocumented(String name, String written) throws IOException {
    Instant start = Instant.parse("2031-05-20T02:00:00Z");
    RequestRow request = new RequestRow("pi-1", "LP-20310520-AAAAAA", "ani", name, "lupa-passphrase:3", 3, start, null, 60,
        Outcome.BERJALAN, 0, List.of());
    StepRun run = new StepRun("pi-1", 1, "Ajukan permohonan", 1, "Task_SubmitRequest", "task-1", "ani", start, null,
        false, 60, 60, true, 120, Verdict.BERJALAN, List.of());
    StringWriter out = new StringWriter();

    ComplianceCsv.write(List.of(request), List.of(run), out);

    String file = out.toString().substring(1);
    assertThat(CELL_STARTS.split(file)).noneMatch(cell -> FORMULA.matcher(cell).matches());
    CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(file));
    List<CSVRecord> rows = csv.getRecords();
    assertThat(csv.getHeaderNames()).isEqualTo(ComplianceCsv.HEADER);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("nama_pemohon")).isEqualTo(written);
    assertThat(rows.get(0).get("nomor_permohonan")).isEqualTo("LP-20310520-AAAAAA");
    assertThat(rows.get(0).get("mulai_wib")).isEqualTo("2031-05-20 09:00:00");
    assertThat(rows.get(0).get("versi_sop")).isEqualTo("3");
  }
}
