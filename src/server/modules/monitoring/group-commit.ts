/**
 * Group commit: items for one key (a deployment) that arrive while that key's previous write is
 * in flight (or within `gatherMs` of the first) are written together, by one call of `write` (one
 * transaction). Under concurrent senders a hot window (the current hour, the current day) is then
 * read, merged and rewritten once per group instead of once per batch.
 *
 * Each item's promise settles when the write holding it has finished, so an acknowledged batch is
 * committed. A group that fails is retried item by item, so a bad batch fails only itself.
 */
export class GroupCommit<K, T> {
  private queues = new Map<K, Array<{ item: T; resolve: () => void; reject: (error: unknown) => void }>>();

  /**
   * @param gatherMs how long the first item of a group waits for others before the write starts
   */
  constructor(
    private readonly write: (key: K, items: T[]) => Promise<void>,
    private readonly gatherMs = 0,
  ) {}

  submit(key: K, item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      this.queues.set(key, [{ item, resolve, reject }]);
      void this.drain(key);
    });
  }

  private async drain(key: K): Promise<void> {
    const queue = this.queues.get(key) ?? [];
    // Node runs one request at a time: without this pause a write would start before concurrent
    // batches finished parsing, and every group would hold one batch.
    if (this.gatherMs > 0) await new Promise((resolve) => setTimeout(resolve, this.gatherMs));
    while (queue.length > 0) {
      const group = queue.splice(0);
      try {
        await this.write(key, group.map((g) => g.item));
        for (const g of group) g.resolve();
      } catch (error) {
        if (group.length === 1) group[0]?.reject(error);
        else for (const g of group) await this.write(key, [g.item]).then(g.resolve, g.reject);
      }
    }
    this.queues.delete(key);
  }
}
