package id.go.kapuaskab.lupapassphrase.process;

/** The applicant's answer in step 3 (variable linkStatus): the gateway "Tautan diterima?". */
public enum LinkStatus {
  /** Step 4 follows. */
  RECEIVED,
  /** AMS sends the link again, up to the diagram's bound. */
  NOT_RECEIVED
}
