import type { FeedMessage } from './api';

/** What the page hears from the live feed. */
export interface FeedListener {
  /** A new connection is up; its snapshot follows, so everything held so far is to be replaced. */
  connected(): void;
  message(message: FeedMessage): void;
  /** The connection is down; `retryInSeconds` until the next attempt. */
  disconnected(retryInSeconds: number): void;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
/** The server sends a heartbeat every 30 s; silence for longer than this means a dead connection. */
const SILENCE_MS = 75_000;

/**
 * The WebSocket feed, kept open: reconnects with capped, jittered backoff, and treats every new
 * connection as a full resync (the server starts each one with a snapshot). No polling happens while
 * the socket is up; a socket that goes silent past two heartbeats is replaced.
 */
export class LiveFeed {
  private socket: WebSocket | null = null;
  private retryMs = FIRST_RETRY_MS;
  private silence: ReturnType<typeof setTimeout> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly listener: FeedListener,
  ) {}

  static sameOrigin(listener: FeedListener): LiveFeed {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return new LiveFeed(`${scheme}//${location.host}/ws`, listener);
  }

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    clearTimeout(this.silence);
    this.socket?.close(1000, 'page closed');
    this.socket = null;
  }

  /** Reconnects now, when the browser says the network is back or the tab is visible again. */
  reconnectNow(): void {
    if (this.stopped || (this.socket && this.socket.readyState <= WebSocket.OPEN)) {
      return;
    }
    clearTimeout(this.retry);
    this.retryMs = FIRST_RETRY_MS;
    this.open();
  }

  private open(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = FIRST_RETRY_MS;
      this.listener.connected();
      this.expectWithin(SILENCE_MS);
    };
    socket.onmessage = (event) => {
      this.expectWithin(SILENCE_MS);
      if (typeof event.data !== 'string') {
        return;
      }
      let message: FeedMessage;
      try {
        message = JSON.parse(event.data) as FeedMessage;
      } catch {
        return; // a frame that is not JSON is ignored, as the API asks of clients
      }
      this.listener.message(message);
    };
    socket.onclose = () => {
      if (this.socket !== socket) {
        return;
      }
      this.socket = null;
      clearTimeout(this.silence);
      if (this.stopped) {
        return;
      }
      const delay = this.retryMs * (0.75 + Math.random() * 0.5);
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      this.listener.disconnected(Math.round(delay / 1000));
      this.retry = setTimeout(() => this.open(), delay);
    };
  }

  private expectWithin(ms: number): void {
    clearTimeout(this.silence);
    this.silence = setTimeout(() => this.socket?.close(4000, 'silent'), ms);
  }
}
