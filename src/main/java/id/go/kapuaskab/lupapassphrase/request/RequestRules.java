package id.go.kapuaskab.lupapassphrase.request;

import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.NIK;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.NIP;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.OFFICIAL_EMAIL;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.STATEMENT_LETTER;

import id.go.kapuaskab.lupapassphrase.process.FormField;
import id.go.kapuaskab.lupapassphrase.process.SopForms;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/** The field rules of a request (SOP step 1) and of the text any form sends, the same the forms apply in the browser. */
@Component
public class RequestRules {

  /** The shapes of NIK, NIP and an e-mail address; the forms check the same (FormRules). */
  public static final String NIK_SHAPE = "[0-9]{16}";
  public static final String NIP_SHAPE = "[0-9]{18}";
  public static final String MAILBOX_SHAPE = "[A-Za-z0-9._%+-]+";
  public static final String DOMAIN_LABEL_SHAPE = "[A-Za-z0-9-]+";

  private static final Pattern DIGITS_16 = Pattern.compile(NIK_SHAPE);
  private static final Pattern DIGITS_18 = Pattern.compile(NIP_SHAPE);
  private static final Pattern EMAIL = Pattern.compile(MAILBOX_SHAPE + "@" + DOMAIN_LABEL_SHAPE + "(\\." + DOMAIN_LABEL_SHAPE + ")+");
  /**
   * Characters no field takes: control characters, invisible format characters (zero-width spaces and
   * joiners, bidirectional embeddings, overrides and isolates, the byte-order mark, the soft hyphen),
   * line and paragraph separators, private-use, unassigned and lone surrogate code points. They make a
   * text read differently from what it holds ("Ani" and "A\u200Bni" look the same).
   */
  private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\p{Cs}\\p{Zl}\\p{Zp}]");
  /** In a text of several lines: the same, but line breaks and tabs. */
  private static final Pattern UNSAFE_IN_LINES = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\p{Cs}\\p{Zl}\\p{Zp}&&[^\\n\\r\\t]]");
  /** Words naming a credential, refused however a name writes them: camelCase, separators, any case. */
  private static final Set<String> CREDENTIAL_WORDS = Set.of("pin", "otp", "pwd", "sandi");
  /** Longer credential names, refused wherever they stand in a name once its separators are gone. */
  private static final List<String> CREDENTIAL_STEMS = List.of("passphrase", "password", "passwd", "passcode",
      "katasandi", "secret", "credential");

  /** How far from its end a PDF's end-of-file marker may stand (PDFBox looks as far). */
  private static final int EOF_LOOKUP = 2048;

  private final RequestSettings settings;

  public RequestRules(RequestSettings settings) {
    this.settings = settings;
  }

  /**
   * Checks every field of a complete request in the scope, and stores each text without the white
   * space around it, so that what AMS and the verifier get is exactly what was checked.
   */
  public void checkRequest(VariableScope scope) {
    for (FormField field : SopForms.REQUEST) {
      if (field.kind() == FormField.Kind.FILE) {
        checkLetter(scope.getVariableTyped(field.name()));
        continue;
      }
      Object value = scope.getVariable(field.name());
      String text = requireText(field, value);
      switch (field.name()) {
        case NIK -> checkNik(text);
        case NIP -> checkNip(text);
        case OFFICIAL_EMAIL -> checkOfficialEmail(text);
        default -> {
        }
      }
      if (!text.equals(value)) {
        scope.setVariable(field.name(), text);
      }
    }
  }

  /** A required text field: present, not blank, within its length, safe characters; returned without surrounding white space. */
  public String requireText(FormField field, Object value) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      throw new InvalidInputException(field.name(), field.label() + " wajib diisi.");
    }
    return checkText(field, value);
  }

  /** A text as a field takes it: a String within its length, of safe characters; returned without surrounding white space. */
  public String checkText(FormField field, Object value) {
    if (!(value instanceof String text)) {
      throw new InvalidInputException(field.name(), field.label() + " harus berupa teks.");
    }
    String stripped = text.strip();
    if (stripped.length() > field.maxLength()) {
      throw new InvalidInputException(field.name(), field.label() + " paling panjang " + field.maxLength() + " karakter.");
    }
    if ((field.multiLine() ? UNSAFE_IN_LINES : UNSAFE).matcher(stripped).find()) {
      throw new InvalidInputException(field.name(), field.label() + (field.multiLine()
          ? " berisi karakter yang tidak diizinkan (karakter kendali atau tak terlihat)."
          : " berisi karakter yang tidak diizinkan (baris baru, karakter kendali atau tak terlihat)."));
    }
    return stripped;
  }

  /**
   * NIK: 16 digits; region codes, a birth date that exists (DDMMYY, day + 40 for women; the century
   * is not written, so either may be meant) and a sequence that is not 0000.
   */
  public void checkNik(String nik) {
    if (!DIGITS_16.matcher(nik).matches()) {
      throw new InvalidInputException(NIK, "NIK harus 16 digit angka.");
    }
    int day = Integer.parseInt(nik.substring(6, 8));
    int month = Integer.parseInt(nik.substring(8, 10));
    int year = Integer.parseInt(nik.substring(10, 12));
    boolean regionValid = !nik.startsWith("00") && !nik.startsWith("00", 2) && !nik.startsWith("00", 4);
    int dayOfMonth = day > 40 ? day - 40 : day;
    boolean dateValid = exists(1900 + year, month, dayOfMonth) || exists(2000 + year, month, dayOfMonth);
    if (!regionValid || !dateValid || nik.endsWith("0000")) {
      throw new InvalidInputException(NIK, "NIK tidak sah: kode wilayah, tanggal lahir atau nomor urut tidak sesuai.");
    }
  }

  private static boolean exists(int year, int month, int day) {
    try {
      LocalDate.of(year, month, day);
      return true;
    } catch (DateTimeException e) {
      return false;
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

  /**
   * The statement letter: a file no larger than the configured size that a PDF library reads whole
   * (every page and its content), not encrypted, so the verifier can read it; its bytes decide, not
   * its name.
   */
  public void checkLetter(TypedValue value) {
    if (value == null || value.getValue() == null) {
      throw new InvalidInputException(STATEMENT_LETTER, "Surat pernyataan wajib diunggah.");
    }
    if (!(value instanceof FileValue file)) {
      throw new InvalidInputException(STATEMENT_LETTER, "Surat pernyataan harus diunggah sebagai berkas.");
    }
    byte[] bytes;
    try (InputStream in = file.getValue()) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.letterMaxSize().toBytes() + 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length == 0) {
      throw new InvalidInputException(STATEMENT_LETTER, "Berkas surat pernyataan kosong.");
    }
    if (bytes.length > settings.letterMaxSize().toBytes()) {
      throw new InvalidInputException(STATEMENT_LETTER,
          "Ukuran surat pernyataan paling besar " + settings.letterMaxSize().toMegabytes() + " MB.");
    }
    if (!"application/pdf".equalsIgnoreCase(file.getMimeType()) || !readsAsPdf(bytes)) {
      throw new InvalidInputException(STATEMENT_LETTER, "Surat pernyataan harus berupa berkas PDF yang utuh dan tidak terkunci.");
    }
  }

  /**
   * Whether a PDF library reads the file whole: it ends as a PDF ends (a file cut short in the upload
   * does not), has pages, is not encrypted, and every page's content is there and can be read. PDFBox
   * reads leniently, as viewers do, so a slightly wrong cross-reference table from a scanner passes.
   */
  private static boolean readsAsPdf(byte[] bytes) {
    String tail = new String(bytes, Math.max(0, bytes.length - EOF_LOOKUP), Math.min(bytes.length, EOF_LOOKUP),
        StandardCharsets.ISO_8859_1);
    if (!tail.contains("%%EOF")) {
      return false;
    }
    try (PDDocument document = Loader.loadPDF(bytes)) {
      if (document.isEncrypted() || document.getNumberOfPages() == 0) {
        return false;
      }
      for (PDPage page : document.getPages()) {
        COSDictionary dictionary = page.getCOSObject();
        COSBase contents = dictionary.getDictionaryObject(COSName.CONTENTS);
        if (dictionary.containsKey(COSName.CONTENTS) && !(contents instanceof COSStream || contents instanceof COSArray)) {
          return false;
        }
        try (InputStream content = page.getContents()) {
          content.transferTo(OutputStream.nullOutputStream());
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Zero-credential rule: a variable whose name says it holds a passphrase, password, PIN or OTP is
   * refused, whoever sends it, however the name is written: case, separators and invisible characters
   * do not hide the word ("pass_phrase", "PassPhrase", "pass\u200Bword"), while "opinion" passes.
   */
  public void refuseCredentials(Set<String> variableNames) {
    for (String name : variableNames) {
      if (namesACredential(name)) {
        throw new InvalidInputException(name,
            "Sistem ini tidak pernah menerima passphrase, kata sandi, PIN atau OTP. Ketik passphrase hanya di AMS.");
      }
    }
  }

  static boolean namesACredential(String name) {
    String visible = UNSAFE.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceAll("");
    String joined = visible.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    if (CREDENTIAL_STEMS.stream().anyMatch(joined::contains) || CREDENTIAL_WORDS.contains(joined)) {
      return true;
    }
    for (String word : visible.split("(?<=[\\p{Ll}\\p{N}])(?=\\p{Lu})|[^\\p{L}\\p{N}]+")) {
      if (CREDENTIAL_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
