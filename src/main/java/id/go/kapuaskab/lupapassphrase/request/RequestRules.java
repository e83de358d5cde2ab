package id.go.kapuaskab.lupapassphrase.request;

import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.AGENCY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.APPLICANT_NAME;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.NIK;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.NIP;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.OFFICIAL_EMAIL;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.STATEMENT_LETTER;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/** The field rules of a request (SOP step 1), the same the forms apply in the browser. */
@Component
public class RequestRules {

  /** The fields of a request, in the order a person fills them in. */
  public static final List<String> REQUEST_FIELDS =
      List.of(APPLICANT_NAME, NIK, NIP, OFFICIAL_EMAIL, AGENCY, STATEMENT_LETTER);

  private static final Pattern DIGITS_16 = Pattern.compile("\\d{16}");
  private static final Pattern DIGITS_18 = Pattern.compile("\\d{18}");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
  private static final Pattern CONTROL_CHARS = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");
  private static final byte[] PDF_MAGIC = "%PDF-".getBytes();
  private static final Set<String> CREDENTIAL_WORDS =
      Set.of("passphrase", "password", "passwd", "pwd", "pin", "otp", "sandi", "katasandi");

  private final RequestSettings settings;

  public RequestRules(RequestSettings settings) {
    this.settings = settings;
  }

  /** Checks every field of a complete request. */
  public void checkRequest(VariableScope scope) {
    requireText(scope, APPLICANT_NAME, "Nama lengkap", 100);
    checkNik(requireText(scope, NIK, "NIK", 16));
    checkNip(requireText(scope, NIP, "NIP", 18));
    checkOfficialEmail(requireText(scope, OFFICIAL_EMAIL, "E-mail dinas", 254));
    requireText(scope, AGENCY, "Perangkat daerah", 150);
    checkLetter(scope.getVariableTyped(STATEMENT_LETTER));
  }

  /** A required single text: a String, not blank, at most {@code maxLength} characters, no control characters. */
  public String requireText(VariableScope scope, String field, String label, int maxLength) {
    Object value = scope.getVariable(field);
    if (value == null || (value instanceof String text && text.isBlank())) {
      throw new InvalidInputException(field, label + " wajib diisi.");
    }
    if (!(value instanceof String text)) {
      throw new InvalidInputException(field, label + " harus berupa teks.");
    }
    if (text.length() > maxLength) {
      throw new InvalidInputException(field, label + " paling panjang " + maxLength + " karakter.");
    }
    if (CONTROL_CHARS.matcher(text).find()) {
      throw new InvalidInputException(field, label + " berisi karakter yang tidak diizinkan.");
    }
    return text.trim();
  }

  /** NIK: 16 digits; region codes, birth date (day + 40 for women) and a sequence that is not 0000. */
  public void checkNik(String nik) {
    if (!DIGITS_16.matcher(nik).matches()) {
      throw new InvalidInputException(NIK, "NIK harus 16 digit angka.");
    }
    int day = Integer.parseInt(nik.substring(6, 8));
    int month = Integer.parseInt(nik.substring(8, 10));
    boolean regionValid = !nik.startsWith("00") && !nik.startsWith("00", 2) && !nik.startsWith("00", 4);
    boolean dayValid = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
    if (!regionValid || !dayValid || month < 1 || month > 12 || nik.endsWith("0000")) {
      throw new InvalidInputException(NIK, "NIK tidak sah: kode wilayah, tanggal lahir atau nomor urut tidak sesuai.");
    }
  }

  /** NIP: 18 digits; birth date YYYYMMDD, appointment YYYYMM, gender 1 or 2, sequence not 000. */
  public void checkNip(String nip) {
    if (!DIGITS_18.matcher(nip).matches()) {
      throw new InvalidInputException(NIP, "NIP harus 18 digit angka.");
    }
    try {
      LocalDate birth = LocalDate.of(Integer.parseInt(nip.substring(0, 4)),
          Integer.parseInt(nip.substring(4, 6)), Integer.parseInt(nip.substring(6, 8)));
      YearMonth appointed = YearMonth.of(Integer.parseInt(nip.substring(8, 12)), Integer.parseInt(nip.substring(12, 14)));
      char gender = nip.charAt(14);
      if (birth.getYear() < 1900 || appointed.isBefore(YearMonth.from(birth))
          || (gender != '1' && gender != '2') || nip.endsWith("000")) {
        throw new DateTimeException("out of range");
      }
    } catch (DateTimeException e) {
      throw new InvalidInputException(NIP, "NIP tidak sah: tanggal lahir, TMT, jenis kelamin atau nomor urut tidak sesuai.");
    }
  }

  /** An official e-mail: a valid address in one of the configured government domains. */
  public void checkOfficialEmail(String email) {
    if (!EMAIL.matcher(email).matches()) {
      throw new InvalidInputException(OFFICIAL_EMAIL, "E-mail dinas tidak sah.");
    }
    String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    boolean official = settings.officialEmailDomains().stream()
        .map(allowed -> allowed.toLowerCase(Locale.ROOT))
        .anyMatch(allowed -> domain.equals(allowed) || domain.endsWith("." + allowed));
    if (!official) {
      throw new InvalidInputException(OFFICIAL_EMAIL,
          "Gunakan e-mail dinas (domain " + String.join(", ", settings.officialEmailDomains()) + ").");
    }
  }

  /** The statement letter: a file, a PDF by its bytes, no larger than the configured size. */
  public void checkLetter(TypedValue value) {
    if (value == null || value.getValue() == null) {
      throw new InvalidInputException(STATEMENT_LETTER, "Surat pernyataan wajib diunggah.");
    }
    if (!(value instanceof FileValue file)) {
      throw new InvalidInputException(STATEMENT_LETTER, "Surat pernyataan harus diunggah sebagai berkas.");
    }
    byte[] head;
    long size;
    try (InputStream in = file.getValue()) {
      head = in.readNBytes(PDF_MAGIC.length);
      size = head.length + in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (size == 0) {
      throw new InvalidInputException(STATEMENT_LETTER, "Berkas surat pernyataan kosong.");
    }
    if (size > settings.letterMaxSize().toBytes()) {
      throw new InvalidInputException(STATEMENT_LETTER,
          "Ukuran surat pernyataan paling besar " + settings.letterMaxSize().toMegabytes() + " MB.");
    }
    if (!Arrays.equals(head, PDF_MAGIC) || !"application/pdf".equalsIgnoreCase(file.getMimeType())) {
      throw new InvalidInputException(STATEMENT_LETTER, "Surat pernyataan harus berupa berkas PDF.");
    }
  }

  /**
   * Zero-credential rule: a variable whose name says it holds a passphrase, password, PIN or OTP is
   * refused, whoever sends it. Names are split into words (camelCase, '_', '-') so "opinion" passes.
   */
  public void refuseCredentials(Set<String> variableNames) {
    for (String name : variableNames) {
      for (String word : name.split("(?<=[a-z0-9])(?=[A-Z])|[_\\-.\\s]+")) {
        if (CREDENTIAL_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
          throw new InvalidInputException(name,
              "Sistem ini tidak pernah menerima passphrase, kata sandi, PIN atau OTP. Ketik passphrase hanya di AMS.");
        }
      }
    }
  }
}
