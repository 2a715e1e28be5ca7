import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../../db/database';
import type { DriftStatistics } from './drift-engine';
import { evaluateAlerts } from './alerts.service';
import { prunePredictionIndex } from './prediction-index.repository';

export const predictionIndexRetentionMs = 30 * 86_400_000;

/**
 * Evaluates alert rules as windows close: on a timer (every minute) and shortly after an ingestion
 * batch (debounced per deployment, so a stream of batches triggers one evaluation). Runs one
 * evaluation at a time.
 */
export class AlertScheduler {
  private timer: NodeJS.Timeout | null = null;
  private pending = new Map<number, NodeJS.Timeout>();
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly database: DatabaseHandle,
    private readonly statistics: DriftStatistics,
    private readonly log: FastifyBaseLogger,
    private readonly options: { intervalMs: number; debounceMs: number },
  ) {}

  start() {
    this.timer = setInterval(() => this.run(), this.options.intervalMs);
    this.timer.unref();
  }

  /** Called after a batch landed: windows before its latest minute are now closed. */
  poke(deploymentId: number) {
    if (this.pending.has(deploymentId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(deploymentId);
      void this.run(deploymentId);
    }, this.options.debounceMs);
    timer.unref();
    this.pending.set(deploymentId, timer);
  }

  run(deploymentId?: number): Promise<unknown> {
    this.running = this.running.then(async () => {
      try {
        await evaluateAlerts(this.database, this.statistics, Date.now(), deploymentId);
        if (deploymentId === undefined) await prunePredictionIndex(this.database.db, Date.now() - predictionIndexRetentionMs);
      } catch (error) {
        this.log.error({ err: error }, 'alert evaluation failed');
      }
    });
    return this.running;
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    await this.running;
  }
}
