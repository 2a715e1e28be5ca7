import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { claimDueDeliveries, loadDeliveryWork, recordAttempt } from './outbox.repository';
import type { OutboundPolicy } from './outbound-policy';
import { safePost } from './safe-post';
import { openSecret } from './secret-box';
import { signatureHeaders } from './webhook-signature';

export interface WorkerOptions {
  policy: OutboundPolicy;
  serverSecret: string;
  pollMs?: number;
  batchSize?: number;
  /** How long a claimed delivery stays invisible to other workers. */
  leaseMs?: number;
  timeoutMs?: number;
  /** After this many failed attempts a delivery is marked failed. */
  maxAttempts?: number;
  /** Retry n waits baseBackoffMs · 2^(n-1), capped at maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface RunSummary {
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
}

/** The delay before retry number `attempt` (1-based): exponential, capped. */
export function backoffMs(attempt: number, base: number, max: number): number {
  return Math.min(base * 2 ** Math.max(attempt - 1, 0), max);
}

/**
 * Delivers outbox events to webhooks. `start()` polls (the app starts it when it listens and stops
 * it on close); tests call `runOnce(now)` to drive it step by step.
 */
export class WebhookWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private readonly options: Required<WorkerOptions>;

  constructor(
    private readonly database: DatabaseHandle,
    options: WorkerOptions,
  ) {
    this.options = {
      pollMs: 1000, batchSize: 20, leaseMs: 60_000, timeoutMs: 10_000, maxAttempts: 8, baseBackoffMs: 10_000, maxBackoffMs: 3_600_000,
      ...options,
    };
  }

  start(onError: (error: unknown) => void): void {
    if (this.timer) return;
    const tick = () => {
      this.running = this.runOnce().catch(onError).finally(() => {
        this.running = null;
        if (this.timer) this.timer = setTimeout(tick, this.options.pollMs);
      });
    };
    this.timer = setTimeout(tick, this.options.pollMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Claims the due deliveries and attempts each once. */
  async runOnce(now: number = Date.now()): Promise<RunSummary> {
    const { batchSize, leaseMs } = this.options;
    const ids = await inTransaction(this.database, (tx) => claimDueDeliveries(tx, now, batchSize, leaseMs));
    const summary: RunSummary = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
    for (const id of ids) {
      const status = await this.attempt(id, now);
      if (!status) continue;
      summary.attempted += 1;
      summary[status === 'pending' ? 'retrying' : status] += 1;
    }
    return summary;
  }

  private async attempt(deliveryId: number, now: number) {
    const work = await loadDeliveryWork(this.database.db, deliveryId);
    if (!work) return null;
    const body = JSON.stringify({
      id: String(work.event_id),
      type: work.event_type,
      createdAt: new Date(work.event_created_at).toISOString(),
      data: JSON.parse(work.payload_json) as unknown,
    });
    let statusCode: number | null = null;
    let error: string | null = null;
    let durationMs = 0;
    if (work.enabled !== 1) {
      error = 'the webhook is disabled';
    } else {
      try {
        const secret = openSecret(this.options.serverSecret, work.secret_ciphertext);
        const headers = {
          ...signatureHeaders(secret, body, now),
          'x-sextant-event': work.event_type,
          'x-sextant-event-id': String(work.event_id),
          'x-sextant-delivery': String(deliveryId),
        };
        const result = await safePost(work.url, body, headers, { policy: this.options.policy, timeoutMs: this.options.timeoutMs, maxBodyBytes: 1024 });
        statusCode = result.status;
        durationMs = result.durationMs;
        if (result.status < 200 || result.status >= 300) error = `answered ${result.status}${result.body ? `: ${result.body.slice(0, 200)}` : ''}`;
      } catch (caught) {
        error = (caught as Error).message;
      }
    }
    const attempts = work.attempts + 1;
    const status = error === null ? 'delivered' : attempts >= this.options.maxAttempts || work.enabled !== 1 ? 'failed' : 'pending';
    const nextAttemptAt = status === 'pending' ? now + backoffMs(attempts, this.options.baseBackoffMs, this.options.maxBackoffMs) : now;
    await inTransaction(this.database, (tx) =>
      recordAttempt(tx, deliveryId, { attemptedAt: now, attempts, status, nextAttemptAt, statusCode, error, durationMs }),
    );
    return status;
  }
}
