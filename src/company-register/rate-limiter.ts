/** Time and waiting, passed in so that the limiter is testable without waiting. */
export interface TLimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Spaces requests to a rate (the register: 7 a second per IP) and honours the server's Retry-After. */
export interface TRateLimiter {
  /**
   * Waits for a slot, unless that would take longer than `maxWaitMs`: then returns false at once
   * (a typeahead does not wait seconds; the search goes on without the register).
   */
  acquire(maxWaitMs: number): Promise<boolean>;
  /** The server said 429: no request before `ms` from now. */
  pauseFor(ms: number): void;
}

/** At most `perSecond` requests in any second (sliding window), none during a Retry-After pause. */
export function createRateLimiter(perSecond: number, clock: TLimiterClock): TRateLimiter {
  // Start times of the last `perSecond` requests, oldest first.
  const recent: number[] = [];
  let pausedUntil = 0;

  function waitFor(now: number): number {
    const pause = Math.max(0, pausedUntil - now);
    const oldest = recent.length >= perSecond ? recent[recent.length - perSecond] : undefined;
    const window = oldest === undefined ? 0 : Math.max(0, oldest + 1000 - now);
    return Math.max(pause, window);
  }

  return {
    async acquire(maxWaitMs) {
      const wait = waitFor(clock.now());
      if (wait > maxWaitMs) return false;
      // Reserved before sleeping, so that concurrent callers queue behind this one.
      recent.push(clock.now() + wait);
      if (recent.length > perSecond) recent.splice(0, recent.length - perSecond);
      if (wait > 0) await clock.sleep(wait);
      return true;
    },
    pauseFor(ms) {
      pausedUntil = Math.max(pausedUntil, clock.now() + ms);
    },
  };
}

/** Retry-After in milliseconds: seconds ("3") or an HTTP date; a missing or odd value counts as one second. */
export function retryAfterMs(header: string | null, now: number): number {
  if (header === null) return 1000;
  const trimmed = header.trim();
  if (/^\d+$/u.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}
