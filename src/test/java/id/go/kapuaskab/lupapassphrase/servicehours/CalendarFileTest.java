package id.go.kapuaskab.lupapassphrase.servicehours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kapuaskab.lupapassphrase.servicehours.CalendarFile.InvalidCalendarException;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A wrong calendar file is refused whole, each problem naming its line. */
class CalendarFileTest {

  private static final String HOURS = """
      jam-buka:
        senin: [07.30-12.00, 13.00-16.00]
      """;

  @Test
  void theShippedCalendarIsValidAndHasThe2026Decree() {
    ServiceCalendar calendar = ServiceCalendarTest.shipped();

    assertThat(calendar.listed(2026)).isTrue();
    // 17 national holidays and 8 days of cuti bersama (SKB 1497/2/5 of 2025)
    assertThat(calendar.closed().keySet()).filteredOn(date -> date.getYear() == 2026).hasSize(25);
    assertThat(calendar.closed()).containsEntry(LocalDate.of(2026, 8, 17), "Proklamasi Kemerdekaan");
  }

  @Test
  void aWeekdayTwiceIsRefusedNamingTheLine() {
    assertRefused(HOURS + "  senin: [08.00-12.00]\n", "x.yaml baris 3: hari senin tercantum dua kali");
  }

  @Test
  void overlappingHoursAreRefusedNamingTheLine() {
    assertRefused("""
        jam-buka:
          selasa:
            - 07.30-12.00
            - 11.00-16.00
        """, "x.yaml baris 4: jam buka selasa 11.00-16.00 bertumpang tindih");
  }

  @Test
  void hoursRunningBackwardsAreRefused() {
    assertRefused("jam-buka:\n  rabu: [16.00-07.30]\n", "x.yaml baris 2: jam buka rabu 16.00-07.30 berakhir sebelum dimulai");
  }

  @Test
  void aDateTwiceIsRefusedNamingBothLines() {
    assertRefused(HOURS + """
        libur-nasional:
          2026:
            sumber: SKB
            libur:
              2026-08-17: Proklamasi Kemerdekaan
            cuti-bersama:
              2026-08-17: Cuti bersama
        """, "x.yaml baris 9: tanggal 2026-08-17 tercantum dua kali (juga baris 7)");
  }

  @Test
  void aYearWithoutItsDecreeOrItsListIsRefused() {
    assertRefused(HOURS + """
        libur-nasional:
          2027:
            libur:
              2027-01-01: Tahun Baru
          2028:
            sumber: SKB 2027
        """, "x.yaml baris 4: tahun 2027 tanpa sumber", "x.yaml baris 7: tahun 2028 tanpa daftar libur");
  }

  @Test
  void aDateUnderAnotherYearOrNoYearIsRefused() {
    assertRefused(HOURS + """
        libur-nasional:
          2026:
            sumber: SKB
            libur:
              2027-01-01: Tahun Baru
          tahun-depan:
            sumber: SKB
        """, "x.yaml baris 7: 2027-01-01 berada di bawah tahun 2026", "x.yaml baris 8: \"tahun-depan\" bukan tahun");
  }

  @Test
  void aClosureNeedsItsReasonAndSource() {
    assertRefused(HOURS + """
        penutupan-kantor:
          2026-09-01:
            alasan: Pemadaman listrik
        """, "x.yaml baris 4: penutupan 2026-09-01 perlu alasan dan sumber");
  }

  @Test
  void aClosureClosesTheDay() {
    ServiceCalendar calendar = CalendarFile.read("x.yaml", new StringReader(HOURS + """
        penutupan-kantor:
          2026-08-10:
            alasan: Pemadaman listrik
            sumber: Surat Kepala Dinas
        """));

    assertThat(calendar.closed()).containsEntry(LocalDate.of(2026, 8, 10), "Pemadaman listrik");
    assertThat(calendar.listed(2026)).isFalse();
  }

  private static void assertRefused(String text, String... messages) {
    assertThatThrownBy(() -> CalendarFile.read("x.yaml", new StringReader(text)))
        .isInstanceOf(InvalidCalendarException.class)
        .hasMessageStartingWith("Kalender layanan x.yaml ditolak:")
        .hasMessageContainingAll(messages);
  }
}
