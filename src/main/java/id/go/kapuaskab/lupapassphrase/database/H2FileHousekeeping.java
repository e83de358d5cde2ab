package id.go.kapuaskab.lupapassphrase.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Compacts an H2 file database at a quiet moment. H2 writes each commit as a new chunk of its file and reuses a
 * chunk's space only once none of its pages is live; history rows stay live, so nearly every chunk keeps a few
 * pages and the file grew by about 1.2 MB a request. Moving those pages out is the work of H2's background writer,
 * which H2 does not run with {@code WRITE_DELAY=0}, the setting that makes each commit survive a {@code kill -9}.
 * So this compacts the file as H2 does closing a database ({@link MVStore#compactFile}): the live pages of the
 * emptiest chunks moved into new ones, with no retention while it works, so the chunks emptied are freed at once
 * and a free end of the file, if the moved pages left one, is cut off; otherwise the space freed inside the file is
 * what the next commits use before it grows. It does so on a thread of its own: at the first quiet moment after the
 * start, then at most every {@link #EVERY}, a quiet moment being a whole check interval in which nothing was
 * committed. Each step holds the store's lock for a moment (a request that comes meanwhile waits for one step);
 * one check takes steps for at most {@link #SLICE}, so a large file takes several quiet checks. H2 picks the oldest
 * chunks first, however full, so a compaction may rewrite most live pages: it does not run at each quiet moment.
 * PostgreSQL and in-memory databases: nothing to do.
 */
@Component
class H2FileHousekeeping implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(H2FileHousekeeping.class);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(5);
  /** The office writes a few dozen requests a day, about 1.2 MB each: a few hours of them is a small file. */
  static final Duration EVERY = Duration.ofHours(6);
  /** The work of one check, so that a large file is compacted over several quiet checks. */
  private static final Duration SLICE = Duration.ofMillis(500);
  /** H2's own threshold: compaction goes on while the chunks hold less live data than this share of their size. */
  private static final int FILL_RATE = 90;
  /** A bound on one compaction (a minute of work), should each slice free a chunk or two more than it writes. */
  private static final int MAX_SLICES = 120;
  /** The live pages one step moves: 50 to 300 ms here, reading them from the disk. */
  private static final int STEP_BYTES = 4 << 20;

  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread daemon = new Thread(runnable, "h2-file-housekeeping");
    daemon.setDaemon(true);
    return daemon;
  });
  private final MVStore store;
  private long seen = -1;
  private long lastDone = Long.MIN_VALUE;
  private long versionDone = -1;
  private int slices;
  private long fileBefore;

  @Autowired
  H2FileHousekeeping(DataSource dataSource) throws SQLException {
    this(fileStore(dataSource), CHECK_EVERY);
  }

  H2FileHousekeeping(MVStore store, Duration checkEvery) {
    this.store = store;
    if (store != null) {
      thread.scheduleWithFixedDelay(this::checkSafely, checkEvery.toMillis(), checkEvery.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  private void checkSafely() {
    try {
      check(System.nanoTime());
    } catch (RuntimeException e) {
      LOG.warn("H2 file housekeeping failed; tried again at the next quiet moment", e);
    }
  }

  /**
   * Compacts for one slice when nothing was committed since the last check, something since the last compaction
   * finished, and that was at least {@link #EVERY} ago; a compaction that needs more slices goes on at the next
   * quiet checks.
   *
   * @param nanoTime now, by {@link System#nanoTime()}
   */
  void check(long nanoTime) {
    long version = store.getCurrentVersion();
    boolean quiet = version == seen;
    seen = version;
    boolean due = lastDone == Long.MIN_VALUE || nanoTime - lastDone >= EVERY.toNanos();
    if (!quiet || !due || version == versionDone || store.isClosed()) {
      return;
    }
    if (slices == 0) {
      fileBefore = store.getFileStore().size();
    }
    long chunksBefore = chunkCount();
    int retention = store.getRetentionTime();
    long sliceEnds = System.nanoTime() + SLICE.toNanos();
    boolean more;
    // as H2 compacts a store it closes: no retention, so the chunks emptied go at the next commit, and each step's
    // pages on the disk before a later step may write over the chunks they left
    store.setRetentionTime(0);
    try {
      do {
        more = store.compact(FILL_RATE, STEP_BYTES);
        store.commit();
        store.sync();
      } while (more && System.nanoTime() < sliceEnds);
    } finally {
      store.setRetentionTime(retention);
    }
    slices++;
    seen = store.getCurrentVersion();
    long chunks = chunkCount();
    LOG.debug("H2 file housekeeping: slice {}, {} chunks before it, {} after, the file {} MB", slices, chunksBefore,
        chunks, store.getFileStore().size() >> 20);
    // done when nothing is left to move, or when a slice freed no more chunks than it wrote: the steps go on to the
    // chunks they wrote themselves, as each step's commit leaves pages of H2's own list of chunks behind
    if (!more || chunks >= chunksBefore || slices == MAX_SLICES) {
      LOG.info("H2 file compacted in {} slices of about {} ms: {} MB before, {} MB now", slices, SLICE.toMillis(),
          fileBefore >> 20, store.getFileStore().size() >> 20);
      lastDone = nanoTime;
      versionDone = seen;
      slices = 0;
    }
  }

  private long chunkCount() {
    long[] count = {0};
    store.getFileStore().populateInfo((name, value) -> {
      if ("info.CHUNK_COUNT".equals(name)) {
        count[0] = Long.parseLong(value);
      }
    });
    return count[0];
  }

  static MVStore fileStore(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isWrapperFor(JdbcConnection.class)
          || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
        return null;
      }
      MVStore store = session.getDatabase().getStore().getMvStore();
      return store.getFileStore() == null ? null : store;
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    thread.shutdown();
    thread.awaitTermination(5, TimeUnit.SECONDS);
  }
}
