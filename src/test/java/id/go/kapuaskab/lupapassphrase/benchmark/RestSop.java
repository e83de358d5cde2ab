package id.go.kapuaskab.lupapassphrase.benchmark;

import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.SopOverRest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A request through /engine-rest with HTTP Basic, as Tasklist's users would drive it; with several
 * nodes, each step goes to the next node in turn, as a load balancer without sticky sessions sends it.
 */
final class RestSop implements SopClient {

  private final List<SopOverRest> nodes;
  private final Runnable setNewPassphrase;
  private final AtomicInteger next = new AtomicInteger();

  /**
   * @param setNewPassphrase the holder's side in AMS: sets a new passphrase through an unused reset
   *     link, once the request's own reset was sent
   */
  RestSop(List<String> baseUrls, String password, Runnable setNewPassphrase) {
    this.nodes = baseUrls.stream().map(url -> new SopOverRest(url, password)).toList();
    this.setNewPassphrase = setNewPassphrase;
  }

  @Override
  public void runOneRequest() throws InterruptedException {
    String ani = DemoPeople.ANI.userId();
    String request = node().start(ani);
    succeeded(node().submit(ani, request, DemoPeople.ANI));
    succeeded(node().approve(DemoPeople.VERA.userId(), request));
    succeeded(node().confirmLinkReceived(ani, request));
    setNewPassphrase.run();
    succeeded(node().confirmNewPassphrase(ani, request));
    // the supervisor may read the history of every request
    Waiting.until(() -> "COMPLETED".equals(node().state(DemoPeople.HENDRA.userId(), request)),
        () -> "request " + request + " to end");
  }

  private SopOverRest node() {
    return nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
  }

  private static void succeeded(int status) {
    if (status >= 300 || status == SopOverRest.GONE) {
      throw new IllegalStateException("a step of the request answered " + status);
    }
  }
}
