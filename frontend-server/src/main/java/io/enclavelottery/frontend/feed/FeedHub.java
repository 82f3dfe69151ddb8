package io.enclavelottery.frontend.feed;

import io.enclavelottery.frontend.http.ClientAddresses;
import io.enclavelottery.frontend.view.LotteryView;
import io.enclavelottery.frontend.view.ViewChange;
import io.enclavelottery.frontend.view.ViewSubscription;
import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.server.HttpHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.XnioIoThread;

/**
 * The live WebSocket feed of a {@link LotteryView}. A client gets a snapshot on connect ({@code
 * config_update}, {@code round_update}, {@code participants_update}, {@code history_update}), then
 * every change as it happens, {@code activity} items, {@code retracted} after a reorganisation, and
 * a {@code heartbeat}.
 *
 * <p>Each change is serialised once, on the hub's own thread, and the same bytes go to every
 * client: the view's thread only enqueues. The hub hands the messages of an update to each Undertow
 * I/O thread as one task, which queues them for that thread's clients; each client has a bounded
 * queue and one batch of frames being written (one system call for the whole update), so a client
 * that stops reading is dropped and never slows the others.
 *
 * <p>Mount {@link #handler()} at {@link #MOUNT_PREFIX} (as a prefix), or at each of {@link #PATHS}.
 */
public final class FeedHub implements AutoCloseable {

  /** Where the feed is served. */
  public static final List<String> PATHS = List.of("/ws", "/ws/lottery");

  /**
   * The prefix to mount {@link #handler()} at: it covers both {@link #PATHS} and answers 404 for
   * any other path under it.
   */
  public static final String MOUNT_PREFIX = "/ws";

  private static final Logger LOG = LoggerFactory.getLogger(FeedHub.class);
  private static final Duration LONGEST_SWEEP = Duration.ofSeconds(1);

  /** How long an upgraded handshake may hold its slot before its connection claims it. */
  private static final Duration UNFINISHED_HANDSHAKE = Duration.ofSeconds(30);

  private final LotteryView view;
  private final FeedSettings settings;
  private final FeedEncoder encoder = new FeedEncoder();
  private final ConnectionSlots slots;
  private final FeedMetrics metrics;
  private final FeedEndpoint endpoint;
  private final ScheduledThreadPoolExecutor hubThread;
  private final ConcurrentHashMap<XnioIoThread, FeedLane> lanes = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private volatile FeedSnapshot snapshot;
  private long sequence; // hub thread only
  private ViewSubscription subscription;

  private FeedHub(
      LotteryView view, FeedSettings settings, ClientAddresses clients, MeterRegistry registry) {
    this.view = Objects.requireNonNull(view, "view");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.slots =
        new ConnectionSlots(settings.maxConnectionsPerAddress(), settings.maxConnections());
    this.metrics = new FeedMetrics(registry, slots);
    this.endpoint =
        new FeedEndpoint(
            this, settings, slots, Objects.requireNonNull(clients, "clients"), metrics);
    this.hubThread =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "feed-hub");
              thread.setDaemon(true);
              return thread;
            });
    hubThread.setRemoveOnCancelPolicy(true);
  }

  /**
   * Subscribes to the view, takes its current state as the first snapshot and starts the heartbeat.
   * Meters go to {@code registry}.
   */
  public static FeedHub start(
      LotteryView view, FeedSettings settings, ClientAddresses clients, MeterRegistry registry) {
    FeedHub hub = new FeedHub(view, settings, clients, registry);
    hub.subscribe();
    return hub;
  }

  /** The handler to mount at {@link #MOUNT_PREFIX}: the handshake, behind the connection limits. */
  public HttpHandler handler() {
    return endpoint;
  }

  /** Open feed connections. */
  public int connections() {
    return slots.open();
  }

  /** Disconnects every client (close code 1001) and stops following the view. */
  @Override
  public void close() {
    if (subscription != null) {
      subscription.close();
    }
    hubThread.shutdownNow();
    for (FeedLane lane : lanes.values()) {
      onLaneThread(lane, () -> lane.dropAll(DropReason.SHUTDOWN));
    }
  }

  private void subscribe() {
    // subscribe first, then read the view: a change in between is sent again, never lost
    subscription = view.subscribe(this::onChange);
    long now = System.nanoTime();
    FeedEncoder.Encoded[] parts = encoder.snapshot(view.snapshot());
    snapshot =
        new FeedSnapshot(
            0,
            message(parts[0], 0, now),
            message(parts[1], 0, now),
            message(parts[2], 0, now),
            message(parts[3], 0, now));
    long heartbeat = settings.heartbeatInterval().toMillis();
    hubThread.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    long sweep =
        Math.min(LONGEST_SWEEP.toMillis(), Math.max(1, settings.sendTimeout().toMillis() / 2));
    hubThread.scheduleAtFixedRate(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
  }

  /** On the view's thread: note the time, queue the change, make sure the hub thread looks. */
  private void onChange(ViewChange change) {
    arrivals.add(new Arrival(change, System.nanoTime()));
    if (drainScheduled.compareAndSet(false, true)) {
      try {
        hubThread.execute(this::drain);
      } catch (RejectedExecutionException closed) {
        // the hub is closing: nobody is left to tell
      }
    }
  }

  /**
   * Serialises every change that has arrived and hands them to the lanes together: the changes of
   * one view update (they arrive within microseconds) usually reach each client as one write.
   */
  private void drain() {
    drainScheduled.set(false);
    List<FeedMessage> messages = new ArrayList<>();
    for (Arrival arrival = arrivals.poll(); arrival != null; arrival = arrivals.poll()) {
      long origin = arrival.originNanos();
      encoder
          .encode(arrival.change())
          .ifPresent(
              encoded -> {
                FeedMessage message = message(encoded, ++sequence, origin);
                snapshot = snapshot.with(message);
                messages.add(message);
              });
    }
    if (messages.isEmpty()) {
      return;
    }
    AtomicInteger lanesLeft = new AtomicInteger(lanes.size());
    if (lanesLeft.get() == 0) {
      messages.forEach(message -> metrics.broadcast(message.originNanos()));
    }
    for (FeedLane lane : lanes.values()) {
      onLaneThread(
          lane,
          () -> {
            lane.deliver(messages);
            if (lanesLeft.decrementAndGet() == 0) {
              messages.forEach(message -> metrics.broadcast(message.originNanos()));
            }
          });
    }
  }

  /** A change as the view handed it over, with when. */
  private record Arrival(ViewChange change, long originNanos) {}

  private void heartbeat() {
    FeedMessage message =
        message(
            encoder.heartbeat(view.snapshot().sync(), Instant.now()),
            ++sequence,
            System.nanoTime());
    snapshot = snapshot.with(message);
    for (FeedLane lane : lanes.values()) {
      onLaneThread(lane, () -> lane.heartbeat(message));
    }
  }

  private void sweep() {
    slots.releaseStale(System.nanoTime(), UNFINISHED_HANDSHAKE);
    for (FeedLane lane : lanes.values()) {
      onLaneThread(lane, () -> lane.checkTimeouts(System.nanoTime()));
    }
  }

  /** On the connection's I/O thread, once its slot is taken: join the lane, send the snapshot. */
  void attach(FeedConnection connection) {
    XnioIoThread thread = connection.channel().getIoThread();
    if (Thread.currentThread() != thread) {
      thread.execute(() -> attach(connection));
      return;
    }
    if (connection.isClosed() || !connection.channel().isOpen()) {
      return;
    }
    FeedLane lane = lanes.computeIfAbsent(thread, FeedLane::new);
    lane.add(connection);
    FeedSnapshot current = snapshot;
    connection.start(current.messages(), current.sequence());
  }

  /** The connection closed: leave its lane (later, so that no lane loop sees its list change). */
  void detach(FeedConnection connection) {
    FeedLane lane = lanes.get(connection.channel().getIoThread());
    if (lane != null) {
      onLaneThread(lane, () -> lane.remove(connection));
    }
  }

  private static void onLaneThread(FeedLane lane, Runnable task) {
    try {
      lane.thread().execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("the I/O thread is stopping; a feed task was not run", e);
    }
  }

  private static FeedMessage message(FeedEncoder.Encoded encoded, long sequence, long origin) {
    return FeedMessage.of(encoded.type(), sequence, origin, encoded.json());
  }
}
