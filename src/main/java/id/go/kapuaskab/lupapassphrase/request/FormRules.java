package id.go.kapuaskab.lupapassphrase.request;

import id.go.kapuaskab.lupapassphrase.process.FormField;
import id.go.kapuaskab.lupapassphrase.process.FormFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The request's rules as the forms read them when they open, so a form checks what the server
 * checks: the configured official e-mail domains and letter size, the shapes of NIK and NIP (patterns
 * for the forms' quick checks; the server checks more), and each field's length.
 *
 * @param officialEmailDomains the accepted domains (and their subdomains)
 * @param officialEmailPattern an address in one of them, for a case-insensitive JavaScript RegExp
 * @param letterMaxBytes the largest letter, in bytes
 * @param letterMaxText the same for people ("2 MB")
 * @param nikPattern NIK's shape (AngularJS's ng-pattern adds ^ and $)
 * @param nipPattern NIP's shape
 * @param maxLength the longest text each field takes, by variable name
 */
record FormRules(List<String> officialEmailDomains, String officialEmailPattern, long letterMaxBytes,
    String letterMaxText, String nikPattern, String nipPattern, Map<String, Integer> maxLength) {

  /** Built from the configuration, as the server applies it. */
  @Component
  public static class Source {

    private final RequestSettings settings;
    private final FormFields forms;

    public Source(RequestSettings settings, FormFields forms) {
      this.settings = settings;
      this.forms = forms;
    }

    public FormRules rules() {
      String domains = settings.officialEmailDomains().stream().map(Source::literal).collect(Collectors.joining("|"));
      Map<String, Integer> lengths = new LinkedHashMap<>();
      forms.elements().stream().sorted().flatMap(element -> forms.of(element).orElseThrow().stream())
          .filter(field -> field.kind() == FormField.Kind.TEXT)
          .forEach(field -> lengths.put(field.name(), field.maxLength()));
      return new FormRules(settings.officialEmailDomains(),
          "^" + RequestRules.MAILBOX_SHAPE + "@(" + RequestRules.DOMAIN_LABEL_SHAPE + "\\.)*(" + domains + ")$",
          settings.letterMaxSize().toBytes(), text(settings.letterMaxSize()),
          RequestRules.NIK_SHAPE, RequestRules.NIP_SHAPE, lengths);
    }

    /** A domain as a RegExp reads it literally, in JavaScript as in Java: every special character escaped. */
    static String literal(String domain) {
      return domain.replaceAll("[.*+?^${}()|\\[\\]\\\\/-]", "\\\\$0");
    }

    static String text(DataSize size) {
      return size.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0 ? size.toMegabytes() + " MB"
          : size.toBytes() % DataSize.ofKilobytes(1).toBytes() == 0 ? size.toKilobytes() + " KB"
          : size.toBytes() + " bita";
    }
  }
}
