import { type WeatherSplit } from '../data/weather-data';
import { ApiClient } from '../http/api-client';
import type { TrainedRun } from '../training/sweeps';
import { createToken, demoPassword, signInPeople } from './demo-users';
import { configurePolicies, overrideModelPolicy, promotionHistory } from './governance';
import { logRuns } from './log-runs';
import { configureSeasonalDrift, createAlertRules, uploadReferences } from './monitoring-setup';
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
export async function seedDemo(url: string, runs: AsyncIterable<TrainedRun> | Iterable<TrainedRun>, split: WeatherSplit, log: (line: string) => void): Promise<SeedResult> {
  const bootstrap = new ApiClient(url, { username: 'admin', password: demoPassword('admin') });
  const step = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await work();
    log(`  ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  };

  // Runs are logged as they arrive from training as soon as the data scientist has a token, while
  // the other people, policies and alert rules are set up.
  let danaReady: (dana: ApiClient) => void = () => {};
  const dana = new Promise<ApiClient>((resolve) => (danaReady = resolve));
  const [people, logged] = await Promise.all([
    step('users, tokens, policies and alert rules', async () => {
      const signedIn = await signInPeople(bootstrap, danaReady);
      await Promise.all([configurePolicies(signedIn.admin), createAlertRules(signedIn.admin)]);
      return signedIn;
    }),
    dana.then((client) => step('runs trained and logged with metric histories, datasets and models', () => logRuns(client, runs, split, 'dana', Date.now() - 3 * 86_400_000))),
  ]);
  const { admin } = people;
  const versions = await step('models registered', () => registerModels(people.dana, logged));
  await step('reference profiles and promotion history', () =>
    Promise.all([uploadReferences(people.dana, versions, split.training), overrideModelPolicy(admin).then(() => promotionHistory(people)).then(() => configureSeasonalDrift(admin))]),
  );
  const servingToken = await createToken(bootstrap, 'serving', 'traffic simulator');
  return { servingToken, runs: logged.length, versions: versions.length };
}
