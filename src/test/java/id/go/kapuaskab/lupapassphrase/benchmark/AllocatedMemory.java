package id.go.kapuaskab.lupapassphrase.benchmark;

import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.AppJar;
import id.go.kapuaskab.lupapassphrase.support.Cluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;

/**
 * Memory a node's JVM has allocated since its start, as the node's own metrics count it: Micrometer's
 * {@code jvm_gc_memory_allocated_bytes_total} (the young generation's growth from one collection to the next), read
 * from /actuator/prometheus as the operator. What a request allocates is what the young collections have to clear;
 * it moves by a few percent from run to run on this machine, where the CPU moves by a third.
 */
final class AllocatedMemory {

  private static final String COUNTER = "jvm_gc_memory_allocated_bytes_total";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private AllocatedMemory() {
  }

  /** Bytes the nodes allocated so far, together. */
  static double ofNodes(List<AppJar> nodes) {
    return nodes.stream().mapToDouble(AllocatedMemory::ofNode).sum();
  }

  private static double ofNode(AppJar node) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/actuator/prometheus"))
        .header(HttpHeaders.AUTHORIZATION, "Basic " + HttpHeaders.encodeBasicAuth(DemoPeople.OKI.userId(),
            Cluster.PASSWORD, StandardCharsets.UTF_8)).build();
    HttpResponse<String> page;
    try {
      page = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("no metrics from " + node.baseUrl(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading the metrics of " + node.baseUrl(), e);
    }
    if (page.statusCode() != 200) {
      throw new IllegalStateException(node.baseUrl() + "/actuator/prometheus answered HTTP " + page.statusCode());
    }
    return page.body().lines().filter(line -> line.startsWith(COUNTER))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + COUNTER + " in the metrics of " + node.baseUrl()));
  }
}
