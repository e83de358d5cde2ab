package id.go.kapuaskab.lupapassphrase.audit;

import id.go.kapuaskab.lupapassphrase.notify.Wib;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The SOP's record ("Pencatatan dan pendataan") as CSV: one row per request per step run, with the version
 * of the SOP's diagram the request ran on (Riwayat SOP lists the versions), times in
 * WIB as spreadsheets read them, durations in seconds: in the step's own clock (service time when the
 * diagram counts it in service hours, the one the verdict judges) and on the wall clock. Text comes from data (names), so nothing in it
 * may read as a formula: a cell starting with = + - @, a tab or a carriage return gets an apostrophe
 * before it, and so does each = + - @ that begins a cell a spreadsheet may split the text into: after
 * a ";" (Excel in an Indonesian locale separates on it, and then ignores the quotes around a field),
 * a "," (English Excel) or a line break, with spaces or quotes between.
 */
public final class ComplianceCsv {

  public static final List<String> HEADER = List.of("nomor_permohonan", "pemohon", "nama_pemohon",
      "mulai_permohonan_wib", "selesai_permohonan_wib", "hasil", "versi_sop", "langkah", "nama_langkah", "ke", "dikerjakan_oleh",
      "mulai_wib", "selesai_wib", "durasi_detik", "durasi_jam_dinding_detik", "jam_layanan", "waktu_baku_detik", "penilaian", "pelanggaran");

  private static final DateTimeFormatter WIB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(Wib.ZONE);
  /** Excel opens UTF-8 correctly only with the byte order mark. */
  private static final char BOM = '\uFEFF';
  /** A formula's first character where a spreadsheet may start a cell inside the text. */
  private static final Pattern FORMULA_AFTER_SEPARATOR = Pattern.compile("([;,\\r\\n][\\s\"]*)(?=[=+\\-@])");

  private ComplianceCsv() {
  }

  public static void write(List<RequestRow> requests, List<StepRun> runs, Writer out) {
    Map<String, List<StepRun>> runsByRequest = runs.stream().collect(Collectors.groupingBy(StepRun::requestId));
    try {
      out.write(BOM);
      CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get());
      for (RequestRow request : requests) {
        for (StepRun run : runsByRequest.getOrDefault(request.id(), List.of())) {
          csv.printRecord(row(request, run));
        }
      }
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Object> row(RequestRow request, StepRun run) {
    return List.of(text(request.businessKey()), text(request.applicant()), text(request.applicantName()),
        time(request.start()), time(request.end()), request.outcome().code(), request.version(), run.step(), text(run.title()), run.run(),
        text(run.doneBy()), time(run.start()), time(run.end()), run.durationSeconds(), run.wallClockSeconds(),
        run.serviceHours() ? "ya" : "tidak", run.standardSeconds(),
        run.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '), run.breaches().size());
  }

  private static String time(Instant instant) {
    return instant == null ? "" : WIB_TIME.format(instant);
  }

  private static String text(String value) {
    if (value == null) {
      return "";
    }
    String inner = FORMULA_AFTER_SEPARATOR.matcher(value).replaceAll("$1'");
    return !inner.isEmpty() && "=+-@\t\r".indexOf(inner.charAt(0)) >= 0 ? "'" + inner : inner;
  }
}
