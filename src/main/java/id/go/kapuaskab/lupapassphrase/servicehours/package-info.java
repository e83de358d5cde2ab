/**
 * The office's service calendar: opening hours per weekday with their breaks, the national holidays and
 * cuti bersama of each year with the decree that set them, and the office's own closure days, read from
 * one file the operator keeps (docs/operations.md, "Service hours"); the service time between two
 * moments and the moment a service time runs out, in WIB. The engine knows it as the business calendar
 * {@value id.go.kapuaskab.lupapassphrase.servicehours.ServiceHours#NAME}.
 */
package id.go.kapuaskab.lupapassphrase.servicehours;
