package id.go.kapuaskab.lupapassphrase.servicehours;

import id.go.kapuaskab.lupapassphrase.servicehours.ServiceCalendar.Span;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the service calendar the operator keeps (the shipped one: {@code service-hours/kalender-layanan.yaml})
 * and refuses it whole, naming each line, when a weekday or a date is given twice, a day's hours overlap
 * or run backwards, a year's list lacks its decree, or a date sits under another year. SnakeYAML's node
 * tree is read rather than its objects, because only the nodes know their lines and keep a key given twice.
 */
final class CalendarFile {

  static final String HOURS = "jam-buka";
  static final String NATIONAL = "libur-nasional";
  static final String CLOSURES = "penutupan-kantor";
  static final String SOURCE = "sumber";
  static final String HOLIDAYS = "libur";
  static final String JOINT_LEAVE = "cuti-bersama";
  static final String REASON = "alasan";

  private static final Map<String, DayOfWeek> DAYS = Map.of("senin", DayOfWeek.MONDAY, "selasa", DayOfWeek.TUESDAY,
      "rabu", DayOfWeek.WEDNESDAY, "kamis", DayOfWeek.THURSDAY, "jumat", DayOfWeek.FRIDAY,
      "sabtu", DayOfWeek.SATURDAY, "minggu", DayOfWeek.SUNDAY);
  private static final Pattern SPAN = Pattern.compile("(\\d{2})[.:](\\d{2})\\s*-\\s*(\\d{2})[.:](\\d{2})");

  private final String name;
  private final List<String> problems = new ArrayList<>();
  private final Map<DayOfWeek, List<Span>> week = new EnumMap<>(DayOfWeek.class);
  private final Map<LocalDate, String> closed = new HashMap<>();
  private final Map<LocalDate, Integer> closedLine = new HashMap<>();
  private final Set<Integer> years = new TreeSet<>();

  private CalendarFile(String name) {
    this.name = name;
  }

  /** The calendar in the text, or {@link InvalidCalendarException} naming every line that is wrong. */
  public static ServiceCalendar read(String name, Reader text) {
    return new CalendarFile(name).parse(text);
  }

  private ServiceCalendar parse(Reader text) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(text);
    } catch (YAMLException e) {
      throw new InvalidCalendarException(name, List.of(e.getMessage()));
    }
    if (!(root instanceof MappingNode top)) {
      throw new InvalidCalendarException(name, List.of("berkas kosong atau bukan pemetaan YAML"));
    }
    Map<String, NodeTuple> sections = keys(top, Set.of(HOURS, NATIONAL, CLOSURES));
    Optional.ofNullable(sections.get(HOURS)).ifPresentOrElse(entry -> hours(entry.getValueNode()),
        () -> problems.add("bagian " + HOURS + " tidak ada"));
    Optional.ofNullable(sections.get(NATIONAL)).ifPresent(entry -> national(entry.getValueNode()));
    Optional.ofNullable(sections.get(CLOSURES)).ifPresent(entry -> closures(entry.getValueNode()));
    if (problems.isEmpty() && week.values().stream().allMatch(List::isEmpty)) {
      problems.add(line(top) + HOURS + " tidak membuka satu hari pun");
    }
    if (!problems.isEmpty()) {
      throw new InvalidCalendarException(name, problems);
    }
    return new ServiceCalendar(Map.copyOf(week), Map.copyOf(closed), Set.copyOf(years));
  }

  private void hours(Node node) {
    for (NodeTuple entry : mapping(node, HOURS)) {
      String key = scalar(entry.getKeyNode());
      if (SOURCE.equals(key)) {
        continue;
      }
      DayOfWeek day = DAYS.get(key);
      if (day == null) {
        problems.add(line(entry.getKeyNode()) + "\"" + key + "\" bukan nama hari (senin … minggu) atau " + SOURCE);
      } else if (week.containsKey(day)) {
        problems.add(line(entry.getKeyNode()) + "hari " + key + " tercantum dua kali");
      } else {
        week.put(day, spans(key, entry.getValueNode()));
      }
    }
  }

  private List<Span> spans(String day, Node node) {
    if (!(node instanceof SequenceNode sequence)) {
      problems.add(line(node) + "jam buka " + day + " harus berupa daftar, misalnya [07.30-12.00, 13.00-16.00]");
      return List.of();
    }
    List<Span> spans = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      Matcher matcher = SPAN.matcher(scalar(item).trim());
      Optional<Span> span = matcher.matches() ? span(matcher) : Optional.empty();
      if (span.isEmpty()) {
        problems.add(line(item) + "\"" + scalar(item) + "\" bukan rentang jam seperti 07.30-12.00");
      } else if (!span.get().end().isAfter(span.get().start())) {
        problems.add(line(item) + "jam buka " + day + " " + scalar(item) + " berakhir sebelum dimulai");
      } else if (spans.stream().anyMatch(other -> overlap(other, span.get()))) {
        problems.add(line(item) + "jam buka " + day + " " + scalar(item) + " bertumpang tindih dengan rentang lain hari itu");
      } else {
        spans.add(span.get());
      }
    }
    spans.sort(Comparator.comparing(Span::start));
    return List.copyOf(spans);
  }

  private static Optional<Span> span(Matcher matcher) {
    try {
      return Optional.of(new Span(time(matcher.group(1), matcher.group(2)), time(matcher.group(3), matcher.group(4))));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private static LocalTime time(String hours, String minutes) {
    // 24.00 is the end of the day
    return "24".equals(hours) && "00".equals(minutes) ? LocalTime.MAX : LocalTime.of(Integer.parseInt(hours),
        Integer.parseInt(minutes));
  }

  private static boolean overlap(Span a, Span b) {
    return a.start().isBefore(b.end()) && b.start().isBefore(a.end());
  }

  private void national(Node node) {
    for (NodeTuple entry : mapping(node, NATIONAL)) {
      String key = scalar(entry.getKeyNode());
      if (!key.matches("\\d{4}")) {
        problems.add(line(entry.getKeyNode()) + "\"" + key + "\" bukan tahun (empat angka)");
        continue;
      }
      int year = Integer.parseInt(key);
      if (!years.add(year)) {
        problems.add(line(entry.getKeyNode()) + "tahun " + year + " tercantum dua kali");
        continue;
      }
      Map<String, NodeTuple> list = keys(entry.getValueNode(), Set.of(SOURCE, HOLIDAYS, JOINT_LEAVE));
      if (list.get(SOURCE) == null || scalar(list.get(SOURCE).getValueNode()).isBlank()) {
        problems.add(line(entry.getKeyNode()) + "tahun " + year + " tanpa " + SOURCE + " (SKB yang menetapkannya)");
      }
      if (list.get(HOLIDAYS) == null) {
        problems.add(line(entry.getKeyNode()) + "tahun " + year + " tanpa daftar " + HOLIDAYS);
      } else {
        days(list.get(HOLIDAYS).getValueNode(), HOLIDAYS, year);
      }
      Optional.ofNullable(list.get(JOINT_LEAVE)).ifPresent(leave -> days(leave.getValueNode(), JOINT_LEAVE, year));
    }
  }

  private void days(Node node, String section, int year) {
    for (NodeTuple entry : mapping(node, section)) {
      date(entry.getKeyNode()).ifPresent(date -> {
        if (date.getYear() != year) {
          problems.add(line(entry.getKeyNode()) + date + " berada di bawah tahun " + year);
        } else {
          close(entry.getKeyNode(), date, scalar(entry.getValueNode()));
        }
      });
    }
  }

  private void closures(Node node) {
    for (NodeTuple entry : mapping(node, CLOSURES)) {
      date(entry.getKeyNode()).ifPresent(date -> {
        Map<String, NodeTuple> closure = keys(entry.getValueNode(), Set.of(REASON, SOURCE));
        if (closure.get(REASON) == null || closure.get(SOURCE) == null) {
          problems.add(line(entry.getKeyNode()) + "penutupan " + date + " perlu " + REASON + " dan " + SOURCE);
        } else {
          close(entry.getKeyNode(), date, scalar(closure.get(REASON).getValueNode()));
        }
      });
    }
  }

  private void close(Node key, LocalDate date, String what) {
    Integer earlier = closedLine.putIfAbsent(date, key.getStartMark().getLine() + 1);
    if (earlier != null) {
      problems.add(line(key) + "tanggal " + date + " tercantum dua kali (juga baris " + earlier + ")");
    } else {
      closed.put(date, what);
    }
  }

  private Optional<LocalDate> date(Node node) {
    try {
      return Optional.of(LocalDate.parse(scalar(node)));
    } catch (DateTimeParseException e) {
      problems.add(line(node) + "\"" + scalar(node) + "\" bukan tanggal seperti 2026-08-17");
      return Optional.empty();
    }
  }

  /** The entries of a mapping by key, each key allowed once and only the keys named. */
  private Map<String, NodeTuple> keys(Node node, Set<String> allowed) {
    Map<String, NodeTuple> entries = new HashMap<>();
    for (NodeTuple entry : mapping(node, "bagian")) {
      String key = scalar(entry.getKeyNode());
      if (!allowed.contains(key)) {
        problems.add(line(entry.getKeyNode()) + "\"" + key + "\" tidak dikenal; yang dikenal: " + new TreeSet<>(allowed));
      } else if (entries.putIfAbsent(key, entry) != null) {
        problems.add(line(entry.getKeyNode()) + key + " tercantum dua kali");
      }
    }
    return entries;
  }

  private List<NodeTuple> mapping(Node node, String what) {
    if (node instanceof MappingNode mapping) {
      return mapping.getValue();
    }
    if (!(node instanceof ScalarNode scalar && scalar.getValue().isEmpty())) {
      problems.add(line(node) + what + " harus berupa pemetaan (kunci: nilai)");
    }
    return List.of();
  }

  private static String scalar(Node node) {
    return node instanceof ScalarNode scalar ? scalar.getValue() : "";
  }

  private String line(Node node) {
    return name + " baris " + (node.getStartMark().getLine() + 1) + ": ";
  }

  /** The calendar file is refused: every problem, each naming its line. */
  public static final class InvalidCalendarException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InvalidCalendarException(String name, List<String> problems) {
      super("Kalender layanan " + name + " ditolak:\n  " + String.join("\n  ", problems));
    }
  }
}
