package id.go.kapuaskab.lupapassphrase.cockpit;

import id.go.kapuaskab.lupapassphrase.audit.Outcome;
import id.go.kapuaskab.lupapassphrase.audit.RequestFilter;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response.Status;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * The filter of the history page as query parameters: from, to (yyyy-MM-dd, WIB), outcome
 * (diterbitkan, ditolak, dibatalkan, kedaluwarsa, berjalan, dihentikan), breached (ya, tidak),
 * applicant (user id), businessKey (part of the request number). Anything else is refused with 400.
 */
public class FilterParams {

  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern BUSINESS_KEY = Pattern.compile("[A-Za-z0-9-]{1,40}");

  @QueryParam("from")
  String from;
  @QueryParam("to")
  String to;
  @QueryParam("outcome")
  String outcome;
  @QueryParam("breached")
  String breached;
  @QueryParam("applicant")
  String applicant;
  @QueryParam("businessKey")
  String businessKey;

  RequestFilter toFilter() {
    LocalDate first = date("from", from);
    LocalDate last = date("to", to);
    if (first != null && last != null && first.isAfter(last)) {
      throw invalid("Tanggal awal jatuh setelah tanggal akhir.");
    }
    return new RequestFilter(first, last, outcome(), breached(), matching("applicant", applicant, USER_ID),
        upper(matching("businessKey", businessKey, BUSINESS_KEY)));
  }

  private Outcome outcome() {
    if (blank(outcome)) {
      return null;
    }
    return Outcome.byCode(outcome).orElseThrow(() -> invalid("Hasil tidak dikenal."));
  }

  private Boolean breached() {
    if (blank(breached)) {
      return null;
    }
    return switch (breached) {
      case "ya" -> true;
      case "tidak" -> false;
      default -> throw invalid("Pelanggaran waktu baku ditulis 'ya' atau 'tidak'.");
    };
  }

  private static LocalDate date(String name, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid("Tanggal '" + name + "' ditulis yyyy-MM-dd.");
    }
  }

  private static String matching(String name, String value, Pattern pattern) {
    if (blank(value)) {
      return null;
    }
    if (!pattern.matcher(value.trim()).matches()) {
      throw invalid("Isian '" + name + "' memuat karakter yang tidak boleh.");
    }
    return value.trim();
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  static RestException invalid(String message) {
    return new RestException(Status.BAD_REQUEST, message);
  }
}
