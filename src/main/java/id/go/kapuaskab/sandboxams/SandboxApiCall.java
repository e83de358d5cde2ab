package id.go.kapuaskab.sandboxams;

import java.time.Instant;

/**
 * A call the sandbox's API received, as its journal keeps it: no holder data, only what was asked.
 *
 * @param number the call's number in the sandbox's store, rising from 1
 * @param operation the contract's path
 * @param idempotencyKey the key it carried, or null (status checks carry none)
 * @param status the HTTP status answered
 */
public record SandboxApiCall(long number, Instant receivedAt, String operation, String idempotencyKey, int status) {
}
