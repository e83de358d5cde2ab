package id.go.kapuaskab.lupapassphrase.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What the benchmarks' tables have in common: figures grouped under their section, numbers as printed. */
final class Tables {

  private Tables() {
  }

  /** One figure's line: the section it is printed under, what it measures and its goal. */
  record Row(String section, String label, String goal) {
  }

  /** The figures by the section they are printed under, in their order. */
  static <F> Map<String, List<F>> bySection(F[] figures, Function<F, String> section) {
    Map<String, List<F>> sections = new LinkedHashMap<>();
    for (F figure : figures) {
      sections.computeIfAbsent(section.apply(figure), name -> new ArrayList<>()).add(figure);
    }
    return sections;
  }

  /** Whole numbers and anything from 100 up without decimals, the rest with two. */
  static String format(double value) {
    return value >= 100 || value == Math.rint(value) ? String.format("%.0f", value) : String.format("%.2f", value);
  }

  /** A figure as printed, or "-" where it was not measured. */
  static String cell(Double value) {
    return value == null ? "-" : format(value);
  }
}
