package id.go.kapuaskab.lupapassphrase.process;

import java.util.List;
import java.util.stream.Stream;

/**
 * One field a form sends to the server: its variable, the label the person sees, its type, its limits
 * and when it must be sent.
 *
 * @param name the process variable
 * @param label the field's label in the form, named in every refusal
 * @param kind what kind of value it carries
 * @param maxLength the longest text accepted (text only)
 * @param multiLine whether the text may hold line breaks (text only)
 * @param options the only values accepted, or empty for free text
 * @param required when it must be sent (and, for a flag, be ticked)
 */
public record FormField(String name, String label, Kind kind, int maxLength, boolean multiLine, List<String> options,
    Required required) {

  /** The kinds of value a form sends, by the engine's value type name. */
  public enum Kind {
    TEXT("string"), FLAG("boolean"), FILE("file");

    private final String valueType;

    Kind(String valueType) {
      this.valueType = valueType;
    }

    /** The engine's name of the value type ({@code ValueType.getName()}). */
    public String valueType() {
      return valueType;
    }
  }

  /**
   * When a field must be sent: never, always, or when another field of the same submission has a
   * given value. A required flag must be ticked (true).
   */
  public record Required(String field, String value) {

    public static final Required NEVER = new Required(null, null);
    public static final Required ALWAYS = new Required("", null);

    public static Required when(String field, String value) {
      return new Required(field, value);
    }

    public boolean always() {
      return "".equals(field);
    }

    public boolean conditional() {
      return field != null && !field.isEmpty();
    }
  }

  public static FormField line(String name, String label, int maxLength) {
    return new FormField(name, label, Kind.TEXT, maxLength, false, List.of(), Required.NEVER);
  }

  public static FormField text(String name, String label, int maxLength) {
    return new FormField(name, label, Kind.TEXT, maxLength, true, List.of(), Required.NEVER);
  }

  /** A choice among the values of the enum that steers the flow by it. */
  public static FormField choice(String name, String label, Class<? extends Enum<?>> values) {
    List<String> options = Stream.of(values.getEnumConstants()).map(Enum::name).toList();
    int longest = options.stream().mapToInt(String::length).max().orElse(0);
    return new FormField(name, label, Kind.TEXT, longest, false, options, Required.ALWAYS);
  }

  public static FormField flag(String name, String label) {
    return new FormField(name, label, Kind.FLAG, 0, false, List.of(), Required.NEVER);
  }

  public static FormField file(String name, String label) {
    return new FormField(name, label, Kind.FILE, 0, false, List.of(), Required.NEVER);
  }

  public FormField requiredAlways() {
    return new FormField(name, label, kind, maxLength, multiLine, options, Required.ALWAYS);
  }

  public FormField requiredWhen(String field, Enum<?> value) {
    return new FormField(name, label, kind, maxLength, multiLine, options, Required.when(field, value.name()));
  }
}
