package id.go.kapuaskab.lupapassphrase.ams;

/** A certificate holder as AMS finds them: by NIK, or by official e-mail. */
public record Holder(String nik, String email) {
}
