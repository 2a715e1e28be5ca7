// runs/log-batch throughput: concurrent clients each logging 1,000 metric values per call to their own run.
export interface BenchServer {
  url: string;
  headers: Record<string, string>;
}

const metricsPerCall = 1000;
const keys = 10;

async function mlflow(server: BenchServer, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}/api/2.0/mlflow/${path}`, { method: 'POST', headers: server.headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Runs `clients` loggers for `seconds`; returns metric values written per second and call latencies. */
export async function benchLogBatch(server: BenchServer, options: { clients: number; seconds: number }) {
  const { experiment_id: experimentId } = await mlflow(server, 'experiments/create', { name: `bench-log-batch-${Date.now()}` });
  const deadline = Date.now() + options.seconds * 1000;
  const latencies: number[] = [];
  let values = 0;

  const client = async () => {
    const { run } = (await mlflow(server, 'runs/create', { experiment_id: experimentId })) as { run: { info: { run_id: string } } };
    let step = 0;
    while (Date.now() < deadline) {
      const timestamp = Date.now();
      const metrics = Array.from({ length: metricsPerCall }, (_, i) => ({ key: `metric_${i % keys}`, value: Math.random(), timestamp, step: step + Math.floor(i / keys) }));
      step += metricsPerCall / keys;
      const started = performance.now();
      await mlflow(server, 'runs/log-batch', { run_id: run.info.run_id, metrics });
      latencies.push(performance.now() - started);
      values += metricsPerCall;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.clients }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { valuesPerSecond: values / elapsed, calls: latencies.length, p50: percentile(0.5), p95: percentile(0.95), p99: percentile(0.99) };
}
