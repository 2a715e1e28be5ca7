import type { Command } from 'commander';
import { runDemo } from '../demo/run-demo';
import { defaultSimulatorOptions, formatReport, runSimulator } from '../demo/simulator/simulator';

const integer = (value: string) => {
  const parsed = Number.parseInt(value, 10);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`Not a number: ${value}`);
  return parsed;
};
const positive = (value: string) => {
  const parsed = Number(value);
  if (!(parsed > 0)) throw new Error(`Not a positive number: ${value}`);
  return parsed;
};

export function registerDemoCommands(program: Command) {
  program
    .command('demo')
    .description('Start Sextant on a demo workspace (./data/demo) filled by real training, promotions and live traffic')
    .option('--reset', 'wipe the demo workspace and build it again')
    .option('--port <port>', 'HTTP port of the demo server', integer, 5050)
    .option('--data-dir <dir>', 'where the demo workspace lives', './data/demo')
    .option('--no-simulate', 'seed and serve, without the traffic simulator')
    .option('--small', 'a small sweep (for tests)')
    .action(async (options: { reset?: boolean; port: number; dataDir: string; simulate: boolean; small?: boolean }) => {
      await runDemo({ reset: Boolean(options.reset), port: options.port, dataDir: options.dataDir, simulate: options.simulate, small: Boolean(options.small) });
    });

  program
    .command('simulate')
    .description('Replay held-out Seattle weather as live prediction traffic against a Sextant (a serving-system integration)')
    .requiredOption('--url <url>', 'Sextant base URL, e.g. http://127.0.0.1:5000')
    .requiredOption('--token <token>', 'API token of a user with the ingest role (or env SEXTANT_TOKEN)', process.env.SEXTANT_TOKEN)
    .option('--rate <perSecond>', 'requests per second over all deployments', positive, defaultSimulatorOptions.rate)
    .option('--seconds-per-day <s>', 'wall-clock seconds one replayed day lasts', positive, defaultSimulatorOptions.secondsPerDay)
    .option('--first-day <date>', 'first replayed day of 2015', defaultSimulatorOptions.firstDay)
    .option('--duration <s>', 'stop after this many seconds (default: until Ctrl-C)', positive)
    .action(async (options: { url: string; token: string; rate: number; secondsPerDay: number; firstDay: string; duration?: number }) => {
      const controller = new AbortController();
      process.once('SIGINT', () => controller.abort());
      process.once('SIGTERM', () => controller.abort());
      if (options.duration) setTimeout(() => controller.abort(), options.duration * 1000).unref();
      const log = (line: string) => process.stdout.write(`${line}\n`);
      const report = await runSimulator({ ...defaultSimulatorOptions, url: options.url, token: options.token, rate: options.rate, secondsPerDay: options.secondsPerDay, firstDay: options.firstDay, log }, controller.signal);
      log(formatReport(report));
      if (report.undelivered > 0) process.exitCode = 3;
    });
}
