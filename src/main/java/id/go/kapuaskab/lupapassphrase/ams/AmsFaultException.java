package id.go.kapuaskab.lupapassphrase.ams;

/**
 * A technical fault on the way to AMS: unreachable, too slow, a 5xx, an answer outside the contract.
 * Unlike an {@link AmsRefusedException} it says nothing about the holder, so the job retries it and,
 * when the retries run out, Cockpit shows the message as the incident. The message never carries
 * personal data.
 */
public class AmsFaultException extends RuntimeException {

  public AmsFaultException(String message) {
    super(message);
  }

  public AmsFaultException(String message, Throwable cause) {
    super(message, cause);
  }
}
