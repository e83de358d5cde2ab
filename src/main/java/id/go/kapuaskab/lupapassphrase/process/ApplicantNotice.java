package id.go.kapuaskab.lupapassphrase.process;

/** Which notice the applicant gets when a request ends without them (the notice tasks' input "notice"). */
enum ApplicantNotice {
  /** Not finished within its time. */
  EXPIRED,
  /** AMS cannot reset the holder: the request points to the related SOP. */
  REJECTED
}
