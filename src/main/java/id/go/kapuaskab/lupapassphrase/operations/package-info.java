/**
 * What the operator watches: the metrics at {@code /actuator/prometheus} (the SOP's own beside
 * Spring Boot's), the health components and groups, the request number and node name in each log
 * line of work on a request, and who may read them (the group {@code operator}). docs/operations.md,
 * "Monitoring", and docs/monitoring/ (the Grafana dashboard, the Prometheus alert rules).
 */
package id.go.kapuaskab.lupapassphrase.operations;
