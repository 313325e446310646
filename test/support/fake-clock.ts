// A client wired like createSignalWireClient(), but whose transport sleeps on a fake clock: backoff
// sleeps resolve at once and record the delay asked for. Timeouts stay real (per-attempt timers,
// kept small by the tests). Use it only where waiting would be slow.
// Also: leak checks for the tests' afterEach (open sockets and servers, timers left running).
import { assembleClient, type SignalWireClientOptions } from '../../src/client.js';
import type { FabricConferenceRooms } from '../../src/index.js';
import { expect } from 'vitest';
import type { Clock } from '../../src/transport.js';

export interface FakeClock extends Clock {
  /** Every delay the transport asked to sleep, in order. */
  readonly sleeps: number[];
}

export function fakeClock(): FakeClock {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => performance.now(),
    sleep(ms, signal) {
      sleeps.push(ms);
      return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
    },
  };
}

/** A client wired by createSignalWireClient()'s own code, whose backoff sleeps on `clock`. */
export function fakeClockClient(
  options: SignalWireClientOptions,
  clock: FakeClock = fakeClock(),
): { conferenceRooms: FabricConferenceRooms; clock: FakeClock } {
  return { conferenceRooms: assembleClient(options, clock).fabric.conferenceRooms, clock };
}

/** Counts of the handle kinds a leaked socket or server shows up as. */
export function openHandles(): { sockets: number; servers: number } {
  const info = process.getActiveResourcesInfo();
  const count = (kind: string) => info.filter((entry) => entry === kind).length;
  return { sockets: count('TCPSocketWrap'), servers: count('TCPServerWrap') };
}

/** Waits (up to `ms`) for the open sockets and servers to drop back to `baseline`; returns what is left. */
export async function settledHandles(
  baseline: ReturnType<typeof openHandles>,
  ms = 2_000,
): Promise<ReturnType<typeof openHandles>> {
  const deadline = performance.now() + ms;
  for (;;) {
    const now = openHandles();
    if ((now.sockets <= baseline.sockets && now.servers <= baseline.servers) || performance.now() > deadline) return now;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Records the timers set through the global setTimeout (as the transport and the system clock do)
 * until restore(). Counting 'Timeout' in process.getActiveResourcesInfo() instead is unreliable:
 * vitest's own timers come and go between hooks.
 */
export function trackTimers(): { pending(): NodeJS.Timeout[]; restore(): void } {
  const pending = new Set<NodeJS.Timeout>();
  const realSetTimeout = globalThis.setTimeout;
  const realClearTimeout = globalThis.clearTimeout;
  globalThis.setTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = realSetTimeout(
      (...callbackArgs: unknown[]) => {
        pending.delete(timer);
        callback(...callbackArgs);
      },
      ms,
      ...args,
    );
    pending.add(timer);
    return timer;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((timer: NodeJS.Timeout | undefined) => {
    if (timer) pending.delete(timer);
    realClearTimeout(timer);
  }) as typeof clearTimeout;
  return {
    /** Timers set since, neither fired nor cleared, that keep the process alive (unref'd ones are fine). */
    pending: () => [...pending].filter((timer) => timer.hasRef()),
    restore() {
      globalThis.setTimeout = realSetTimeout;
      globalThis.clearTimeout = realClearTimeout;
    },
  };
}

/**
 * The end-of-test checks: no unhandled rejection, no timer still running, and no socket or server
 * beyond those open when the test began. Restores the timer functions trackTimers() replaced.
 */
export async function expectNothingLeft(
  baseline: ReturnType<typeof openHandles>,
  timers: ReturnType<typeof trackTimers>,
  unhandled: unknown[],
): Promise<void> {
  timers.restore();
  expect(unhandled).toEqual([]);
  expect(timers.pending(), 'attempt or backoff timers left running').toHaveLength(0);
  const left = await settledHandles(baseline);
  expect(left.sockets, 'sockets left open').toBeLessThanOrEqual(baseline.sockets);
  expect(left.servers, 'servers left open').toBeLessThanOrEqual(baseline.servers);
}
