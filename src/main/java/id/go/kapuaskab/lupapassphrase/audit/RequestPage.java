package id.go.kapuaskab.lupapassphrase.audit;

import java.util.List;

/** One page of the history list, newest first, and how many requests match in all. */
public record RequestPage(long total, int firstResult, int maxResults, List<RequestRow> rows) {
}
