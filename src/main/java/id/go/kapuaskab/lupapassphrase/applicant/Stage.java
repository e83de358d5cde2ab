package id.go.kapuaskab.lupapassphrase.applicant;

/** Where a request stands, in the applicant's words, and whose turn it is there. */
enum Stage {
  MENUNGGU_PENGAJUAN("Menunggu Anda mengisi dan mengajukan permohonan", Turn.ANDA),
  DITOLAK_VERIFIKATOR("Ditolak verifikator: perbaiki lalu ajukan lagi", Turn.ANDA),
  MENUNGGU_VERIFIKATOR("Menunggu verifikator", Turn.VERIFIKATOR),
  RESET_DI_AMS("Disetujui: passphrase sedang direset di AMS", Turn.SISTEM),
  TAUTAN_DIKIRIM("Tautan reset dikirim ke e-mail dinas Anda: konfirmasi penerimaannya", Turn.ANDA),
  TAUTAN_DIKIRIM_ULANG("Tautan reset sedang dikirim ulang oleh AMS", Turn.SISTEM),
  BUAT_PASSPHRASE("Buat passphrase baru di AMS, lalu konfirmasi di Tasklist", Turn.ANDA),
  PERIKSA_STATUS("Status sertifikat sedang diperiksa di AMS", Turn.SISTEM),
  DITINJAU_VERIFIKATOR("Ditolak AMS: verifikator sedang meninjau", Turn.VERIFIKATOR),
  DITERBITKAN("Selesai: sertifikat elektronik diterbitkan", Turn.SELESAI),
  DITOLAK_AMS("Ditolak AMS, dialihkan ke SOP terkait", Turn.SELESAI),
  KEDALUWARSA("Kedaluwarsa: tidak diselesaikan dalam batas waktu", Turn.SELESAI),
  DIBATALKAN("Dibatalkan (ditarik oleh pemohon)", Turn.SELESAI),
  DIHENTIKAN("Dihentikan oleh administrator", Turn.SELESAI),
  /** Between two steps, for the moment it takes. */
  DIPROSES("Sedang diproses", Turn.SISTEM);

  /** Who acts next. */
  enum Turn {
    ANDA("Anda"),
    VERIFIKATOR("Verifikator"),
    SISTEM("Sistem (AMS)"),
    SELESAI("Tidak ada: permohonan selesai");

    private final String words;

    Turn(String words) {
      this.words = words;
    }

    String words() {
      return words;
    }
  }

  private final String words;
  private final Turn turn;

  Stage(String words, Turn turn) {
    this.words = words;
    this.turn = turn;
  }

  String words() {
    return words;
  }

  Turn turn() {
    return turn;
  }
}
