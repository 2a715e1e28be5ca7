import { type ApiClient, ApiError } from '../http/api-client';

/**
 * Delivers batches in order with retries: a network error, 429 or 5xx (a server restarting) waits
 * and tries again with exponential backoff (0.5 s doubling to 30 s); a 4xx other than 429 is
 * final (counted as rejected). The queue is bounded: past `maxQueuedItems`, the oldest batches are
 * dropped and counted as undelivered, as they are at stop.
 */
export interface Batch {
  path: string;
  kind: 'predictions' | 'labels';
  items: unknown[];
}

export interface DeliveryStats {
  batches: number;
  accepted: number;
  rejected: number;
  retries: number;
  undelivered: number;
  queued: number;
  lastError: string | null;
}

export function backoffMs(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** Math.max(0, attempt - 1));
}

const retryable = (error: unknown) => !(error instanceof ApiError) || error.status === 429 || error.status >= 500;

export class DeliveryQueue {
  private readonly queue: Batch[] = [];
  private attempt = 0;
  private running: Promise<void> | null = null;
  private stopped = false;
  readonly stats: DeliveryStats = { batches: 0, accepted: 0, rejected: 0, retries: 0, undelivered: 0, queued: 0, lastError: null };

  constructor(
    private readonly http: ApiClient,
    private readonly maxQueuedItems = 100_000,
    private readonly sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  ) {}

  push(batch: Batch) {
    if (batch.items.length === 0) return;
    this.queue.push(batch);
    this.stats.queued += batch.items.length;
    while (this.stats.queued > this.maxQueuedItems && this.queue.length > 1) {
      const dropped = this.queue.shift() as Batch;
      this.stats.queued -= dropped.items.length;
      this.stats.undelivered += dropped.items.length;
    }
    this.running ??= this.drain().finally(() => (this.running = null));
  }

  private async drain() {
    while (!this.stopped && this.queue.length > 0) {
      const batch = this.queue[0] as Batch;
      try {
        const body = batch.kind === 'predictions' ? { events: batch.items } : { labels: batch.items };
        const result = await this.http.json<{ accepted: number; rejected: unknown[] }>('POST', batch.path, body);
        this.stats.accepted += result.accepted;
        this.stats.rejected += result.rejected.length;
        if (result.rejected.length > 0) this.stats.lastError = JSON.stringify(result.rejected[0]).slice(0, 200);
        this.finish(batch);
        this.attempt = 0;
      } catch (error) {
        this.stats.lastError = error instanceof Error ? error.message.slice(0, 200) : String(error);
        if (!retryable(error)) {
          this.stats.rejected += batch.items.length;
          this.finish(batch);
          continue;
        }
        this.attempt += 1;
        this.stats.retries += 1;
        await this.sleep(backoffMs(this.attempt));
      }
    }
  }

  private finish(batch: Batch) {
    if (this.queue[0] === batch) this.queue.shift();
    this.stats.batches += 1;
    this.stats.queued -= batch.items.length;
  }

  /** Gives in-flight work `graceMs` to finish; what is still queued then is undelivered. */
  async stop(graceMs: number): Promise<DeliveryStats> {
    await Promise.race([this.running ?? Promise.resolve(), new Promise((resolve) => setTimeout(resolve, graceMs))]);
    this.stopped = true;
    this.stats.undelivered += this.stats.queued;
    this.stats.queued = 0;
    this.queue.length = 0;
    return this.stats;
  }
}
