import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveFeed } from '../src/feed';

/** A WebSocket the test opens, feeds and closes by hand. */
class FakeSocket {
  static OPEN = 1;
  static opened: FakeSocket[] = [];
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(data: unknown) {
    this.onmessage?.({ data });
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
}

describe('the live feed', () => {
  beforeEach(() => {
    FakeSocket.opened = [];
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('resyncs on every connection, reconnects with growing delays, and ignores frames that are not JSON', () => {
    const events: string[] = [];
    const feed = new LiveFeed('ws://lottery/ws', {
      connected: () => events.push('connected'),
      message: (message) => events.push(message.type),
      disconnected: (seconds) => events.push(`down ${seconds}`),
    });
    feed.start();
    FakeSocket.opened[0].open();
    FakeSocket.opened[0].receive('{"type":"round_update","schemaVersion":1}');
    FakeSocket.opened[0].receive('not json');
    FakeSocket.opened[0].receive(new ArrayBuffer(2));
    FakeSocket.opened[0].close();
    expect(FakeSocket.opened).toHaveLength(1);
    vi.advanceTimersByTime(1_300);
    expect(FakeSocket.opened).toHaveLength(2);
    FakeSocket.opened[1].close(); // refused again: the next try waits longer
    vi.advanceTimersByTime(1_400);
    expect(FakeSocket.opened).toHaveLength(2);
    vi.advanceTimersByTime(1_300);
    expect(FakeSocket.opened).toHaveLength(3);
    FakeSocket.opened[2].open();
    expect(events).toEqual(['connected', 'round_update', 'down 1', 'down 2', 'connected']);
    feed.stop();
  });

  it('replaces a socket that stays silent past two heartbeats, and polls nothing meanwhile', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const feed = new LiveFeed('ws://lottery/ws', { connected() {}, message() {}, disconnected() {} });
    feed.start();
    FakeSocket.opened[0].open();
    vi.advanceTimersByTime(60_000);
    FakeSocket.opened[0].receive('{"type":"heartbeat"}');
    vi.advanceTimersByTime(74_000);
    expect(FakeSocket.opened[0].readyState).toBe(1);
    vi.advanceTimersByTime(2_000);
    expect(FakeSocket.opened[0].readyState).toBe(3);
    vi.advanceTimersByTime(2_000);
    expect(FakeSocket.opened).toHaveLength(2);
    expect(fetch).not.toHaveBeenCalled();
    feed.stop();
  });
});
