package id.go.kapuaskab.lupapassphrase.ams.api;

/** Names from the AMS contract, docs/ams-api.yaml, shared by the client and the sandbox that serves it. */
public final class AmsApi {

  public static final String RESET_PATH = "/api/v2/user/passphrase/reset";
  public static final String RESEND_PATH = "/api/v2/user/passphrase/reset/resend";
  public static final String STATUS_PATH = "/api/v2/user/check/status";

  /** Carried by every request that changes something; a repeated key changes nothing more. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  public static final String IDEMPOTENCY_KEY_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

  /** The status of a business answer; every other non-2xx status is a fault. */
  public static final int REFUSED = 422;

  private AmsApi() {
  }
}
