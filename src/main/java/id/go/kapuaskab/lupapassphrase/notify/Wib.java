package id.go.kapuaskab.lupapassphrase.notify;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/** Times as the office reads them: Western Indonesia Time. */
public final class Wib {

  public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm:ss 'WIB'", Locale.forLanguageTag("id-ID")).withZone(ZONE);

  private Wib() {
  }

  public static String format(Date date) {
    return date == null ? "-" : FORMAT.format(date.toInstant());
  }
}
