package id.go.kapuaskab.lupapassphrase.request;

/**
 * An applicant who already has as many requests running as one may: a conflict with what is open
 * (409), which ends when one of them does. Not a ProcessEngineException, so that the REST resources
 * pass it on to our mapper instead of answering 500.
 */
public class OpenRequestLimitException extends RuntimeException {

  public OpenRequestLimitException(long open, int limit) {
    super("Anda masih memiliki " + open + " permohonan yang berjalan; paling banyak " + limit
        + " permohonan boleh berjalan bersamaan. Lanjutkan permohonan itu di Tasklist (Tugas saya), atau batalkan "
        + "yang belum diajukan (langkah 1, Tindakan: Batalkan permohonan), lalu buka permohonan baru.");
  }
}
