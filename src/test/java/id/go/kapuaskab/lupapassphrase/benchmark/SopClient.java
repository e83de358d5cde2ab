package id.go.kapuaskab.lupapassphrase.benchmark;

/** Runs one whole request, approved and issued, as its applicant and verifier would. */
interface SopClient {

  void runOneRequest() throws Exception;
}
