package id.go.kapuaskab.lupapassphrase.ams;

/**
 * An AMS served by this application itself (the sandbox AMS of the local profile): where its API is,
 * for the client, when no AMS address is configured. The client knows it only through this port, so
 * production code never reaches into the sandbox.
 */
public interface InProcessAms {

  /** The base URL of its API (the contract's paths follow it). */
  String apiBaseUrl();
}
