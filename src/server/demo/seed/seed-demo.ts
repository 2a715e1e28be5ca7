import { type WeatherSplit } from '../data/weather-data';
import { ApiClient } from '../http/api-client';
import type { TrainedRun } from '../training/sweeps';
import { createDemoUsers, createServingToken, demoPassword } from './demo-users';
import { configurePolicies, promotionHistory } from './governance';
import { logRuns } from './log-runs';
import { createAlertRules, uploadReferences } from './monitoring-setup';
import { registerModels } from './register-models';

export interface SeedResult {
  servingToken: string;
  runs: number;
  versions: number;
}

/**
 * Fills a fresh Sextant through its public APIs only, each step as the person whose job it is:
 * the admin sets up people and policies, the data scientist logs and registers, the engineer and
 * approvers make the promotion history, the serving account gets its token.
 */
export async function seedDemo(url: string, runs: TrainedRun[], split: WeatherSplit, log: (line: string) => void): Promise<SeedResult> {
  const admin = new ApiClient(url, { username: 'admin', password: demoPassword('admin') });
  const dana = admin.as({ username: 'dana', password: demoPassword('dana') });
  const step = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await work();
    log(`  ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  };

  await step('users and policies', async () => {
    await createDemoUsers(admin);
    await Promise.all([configurePolicies(admin), createAlertRules(admin)]);
  });
  const logged = await step(`${runs.length} runs logged with metrics, datasets and models`, () => logRuns(dana, runs, split, 'dana', Date.now() - 3 * 86_400_000));
  const versions = await step('models registered', () => registerModels(dana, logged));
  await step('reference profiles and promotion history', () => Promise.all([uploadReferences(dana, versions, split.training), promotionHistory(admin)]));
  const servingToken = await createServingToken(admin.as({ username: 'serving', password: demoPassword('serving') }));
  return { servingToken, runs: runs.length, versions: versions.length };
}
