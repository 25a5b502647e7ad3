/**
 * Hybrid logical clock (Kulkarni et al.), the ordering behind every change-log entry and, later, sync's
 * last-writer-wins merge. Written here rather than taken from npm because the available packages are unmaintained
 * one-file experiments and the algorithm is twenty lines; the timestamp format follows Actual Budget's so that it
 * sorts as a plain string: `2026-11-23T09:00:00.000Z-0000-<deviceId>`.
 */
export interface HlcState {
  millis: number;
  counter: number;
}

/** A remote clock more than this far ahead of ours is not trusted to move ours (see `receive`). */
export const MAX_CLOCK_DRIFT_MS = 5 * 60 * 1000;

const COUNTER_MAX = 0xffff;

export class ClockDriftError extends Error {
  constructor(readonly remoteMillis: number, readonly localMillis: number) {
    super(
      `A change arrived stamped ${new Date(remoteMillis).toISOString()}, more than ${MAX_CLOCK_DRIFT_MS / 60000} minutes ahead of this device's clock (${new Date(localMillis).toISOString()}). One of the two clocks is wrong.`,
    );
    this.name = 'ClockDriftError';
  }
}

export function formatHlc(state: HlcState, deviceId: string): string {
  return `${new Date(state.millis).toISOString()}-${state.counter.toString(16).padStart(4, '0')}-${deviceId}`;
}

export function parseHlc(hlc: string): HlcState & { deviceId: string } {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-(.+)$/.exec(hlc);
  if (!match) throw new Error(`Not a hybrid-logical-clock timestamp: ${hlc}`);
  return { millis: Date.parse(match[1]), counter: parseInt(match[2], 16), deviceId: match[3] };
}

export class HybridLogicalClock {
  private state: HlcState;

  constructor(
    readonly deviceId: string,
    initial: HlcState = { millis: 0, counter: 0 },
    private readonly now: () => number = Date.now,
  ) {
    this.state = { ...initial };
  }

  get current(): HlcState {
    return { ...this.state };
  }

  /** A timestamp for a local event, greater than every timestamp this clock has issued or seen. */
  tick(): string {
    const wall = this.now();
    if (wall > this.state.millis) {
      this.state = { millis: wall, counter: 0 };
    } else {
      this.bumpCounter();
    }
    return formatHlc(this.state, this.deviceId);
  }

  /**
   * Merge a remote timestamp so that later local events order after it. A remote clock far in the future is
   * refused rather than followed: otherwise one device with a wrong clock would win every later write.
   */
  receive(remote: HlcState): void {
    const wall = this.now();
    if (remote.millis - wall > MAX_CLOCK_DRIFT_MS) throw new ClockDriftError(remote.millis, wall);
    const millis = Math.max(wall, this.state.millis, remote.millis);
    let counter: number;
    if (millis === this.state.millis && millis === remote.millis) counter = Math.max(this.state.counter, remote.counter) + 1;
    else if (millis === this.state.millis) counter = this.state.counter + 1;
    else if (millis === remote.millis) counter = remote.counter + 1;
    else counter = 0;
    this.state = { millis, counter };
    if (counter > COUNTER_MAX) this.overflow();
  }

  private bumpCounter(): void {
    this.state = { millis: this.state.millis, counter: this.state.counter + 1 };
    if (this.state.counter > COUNTER_MAX) this.overflow();
  }

  /** More than 65,535 events in one millisecond: borrow the next millisecond rather than wrap and reorder. */
  private overflow(): void {
    this.state = { millis: this.state.millis + 1, counter: 0 };
  }
}
