package id.go.kapuaskab.lupapassphrase.cockpit;

import id.go.kapuaskab.lupapassphrase.audit.ComplianceCsv;
import id.go.kapuaskab.lupapassphrase.audit.ComplianceTrend;
import id.go.kapuaskab.lupapassphrase.audit.NoCallerException;
import id.go.kapuaskab.lupapassphrase.audit.RequestFilter;
import id.go.kapuaskab.lupapassphrase.audit.RequestRecord;
import id.go.kapuaskab.lupapassphrase.audit.RequestRow;
import id.go.kapuaskab.lupapassphrase.audit.SopHistory;
import id.go.kapuaskab.lupapassphrase.audit.StepRun;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * The read-only API of the history pages. It runs inside the webapp's session: the webapp's filter
 * has authenticated the logged-in user on the engine for this request, so every read is checked
 * against that user's own authorizations. There is nothing here that changes anything.
 */
public class SopHistoryResource extends AbstractCockpitPluginResource {

  static final int MAX_PAGE = 100;
  private static final String NO_STORE = "no-store";

  public SopHistoryResource(String engineName) {
    super(engineName);
  }

  /** A {@link id.go.kapuaskab.lupapassphrase.audit.RequestPage}: the requests that match, newest first. */
  @GET
  @Path("requests")
  @Produces(MediaType.APPLICATION_JSON)
  public Response requests(@BeanParam FilterParams filter,
      @QueryParam("firstResult") @DefaultValue("0") int firstResult,
      @QueryParam("maxResults") @DefaultValue("20") int maxResults) {
    if (firstResult < 0 || maxResults < 1 || maxResults > MAX_PAGE) {
      throw FilterParams.invalid("firstResult paling kecil 0 dan maxResults 1 sampai " + MAX_PAGE + ".");
    }
    return notStored(history().page(filter.toFilter(), firstResult, maxResults));
  }

  /** The {@link RequestRecord} of one request, or 404 when there is none the caller may read. */
  @GET
  @Path("requests/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response request(@PathParam("id") String id) {
    return notStored(history().record(id)
        .orElseThrow(() -> new RestException(Status.NOT_FOUND, "No such request")));
  }

  /** The {@link id.go.kapuaskab.lupapassphrase.audit.ComplianceSummary} of the requests that match. */
  @GET
  @Path("summary")
  @Produces(MediaType.APPLICATION_JSON)
  public Response summary(@BeanParam FilterParams filter) {
    return notStored(history().summary(filter.toFilter()));
  }

  /**
   * The {@link ComplianceTrend} of the requests that match, by month ({@code unit=bulan}, the default)
   * or by week ({@code unit=minggu}): the data of the auditor's charts.
   */
  @GET
  @Path("trend")
  @Produces(MediaType.APPLICATION_JSON)
  public Response trend(@BeanParam FilterParams filter, @QueryParam("unit") @DefaultValue("bulan") String unit) {
    ComplianceTrend.Unit periods = switch (unit) {
      case "bulan" -> ComplianceTrend.Unit.MONTH;
      case "minggu" -> ComplianceTrend.Unit.WEEK;
      default -> throw FilterParams.invalid("Periode grafik ditulis 'bulan' atau 'minggu'.");
    };
    try {
      return notStored(history().trend(filter.toFilter(), periods));
    } catch (ComplianceTrend.TooManyPeriods tooMany) {
      throw FilterParams.invalid(tooMany.getMessage());
    }
  }

  /** The {@link id.go.kapuaskab.lupapassphrase.audit.SopVersion}s of the diagram, newest first. */
  @GET
  @Path("versions")
  @Produces(MediaType.APPLICATION_JSON)
  public Response versions() {
    return notStored(history().versions());
  }

  /** The SOP record of the requests that match, as a CSV file ({@link ComplianceCsv}). */
  @GET
  @Path("export.csv")
  @Produces("text/csv; charset=UTF-8")
  public Response export(@BeanParam FilterParams params) {
    RequestFilter filter = params.toFilter();
    SopHistory history = history();
    List<RequestRow> requests = history.all(filter);
    List<StepRun> runs = history.stepRuns(requests);
    StreamingOutput body = out -> {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      ComplianceCsv.write(requests, runs, writer);
      writer.flush();
    };
    return Response.ok(body)
        .header("Content-Disposition", "attachment; filename=\"" + fileName(filter) + "\"")
        .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
        .build();
  }

  /** The answers carry personal data: not kept in any cache (the webapp's own filter says only no-cache). */
  private static Response notStored(Object entity) {
    return Response.ok(entity).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
  }

  private SopHistory history() {
    try {
      return SopHistory.asCaller(getProcessEngine());
    } catch (NoCallerException e) {
      throw new RestException(Status.UNAUTHORIZED, e.getMessage());
    }
  }

  private static String fileName(RequestFilter filter) {
    return "riwayat-sop"
        + (filter.from() == null ? "" : "_" + filter.from())
        + (filter.to() == null ? "" : "_" + filter.to())
        + ".csv";
  }
}
