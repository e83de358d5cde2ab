/**
 * What the applicant sees of her own requests: the page <em>Permohonan saya</em> in Tasklist and its
 * endpoint {@code /api/permohonan-saya}, each request with its number, state in plain words, whose
 * turn it is and when the current step falls due. Only the caller's own requests, checked here.
 */
package id.go.kapuaskab.lupapassphrase.applicant;
