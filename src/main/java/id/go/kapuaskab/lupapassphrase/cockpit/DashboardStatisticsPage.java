package id.go.kapuaskab.lupapassphrase.cockpit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cockpit's dashboard draws its running-instances and incidents charts from the statistics of every
 * process definition, asked for without a page (plugin/base/{engine}/process-definition/statistics),
 * which the engine's page limit refuses: the charts would stay empty. This application deploys one
 * process, so one page of the limit holds all its versions, and that call is given it.
 */
@Component
class DashboardStatisticsPage extends OncePerRequestFilter {

  private static final String STATISTICS = ".*/api/cockpit/plugin/base/[^/]+/process-definition/statistics/?";
  private static final String MAX_RESULTS = "maxResults";

  private final String page;

  public DashboardStatisticsPage(
      @Value("${camunda.bpm.generic-properties.properties.query-max-results-limit}") int queryMaxResultsLimit) {
    this.page = Integer.toString(queryMaxResultsLimit);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("GET".equals(request.getMethod()) && request.getRequestURI().matches(STATISTICS)
        && request.getParameter(MAX_RESULTS) == null);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new OnePage(request, page), response);
  }

  /** The request with maxResults added, however the resource reads it (query string or parameters). */
  private static final class OnePage extends HttpServletRequestWrapper {

    private final String page;

    OnePage(HttpServletRequest request, String page) {
      super(request);
      this.page = page;
    }

    @Override
    public String getQueryString() {
      String query = super.getQueryString();
      return (query == null || query.isEmpty() ? "" : query + "&") + MAX_RESULTS + "=" + page;
    }

    @Override
    public String getParameter(String name) {
      return MAX_RESULTS.equals(name) ? page : super.getParameter(name);
    }

    @Override
    public String[] getParameterValues(String name) {
      return MAX_RESULTS.equals(name) ? new String[] {page} : super.getParameterValues(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
      parameters.put(MAX_RESULTS, new String[] {page});
      return Collections.unmodifiableMap(parameters);
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }
  }
}
