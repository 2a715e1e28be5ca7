import type { ApiClient } from '../http/api-client';
import { downloadArtifact, downloadUri } from '../http/mlflow-client';
import { type Classifier, loadModel, type SerializedModel } from '../training/classifier';
import { behaviourOf, type VersionBehaviour } from './latency';
import type { Serving } from './traffic-split';

export interface ServedModel {
  version: number;
  classifier: Classifier;
  features: string[];
  classes: string[];
  behaviour: VersionBehaviour;
}

/**
 * What one deployment serves, kept current the way a serving system does it: poll the serving
 * integration endpoint with If-None-Match (an unchanged deployment costs a 304) and download each
 * newly served version's files from the registry.
 */
export class ServingWatch {
  serving: Serving | null = null;
  private etag: string | null = null;
  private readonly models = new Map<number, ServedModel>();

  constructor(
    private readonly http: ApiClient,
    readonly deploymentId: string,
    readonly modelName: string,
    readonly environment: string,
  ) {}

  async refresh(): Promise<boolean> {
    const path = `/api/v1/deployments/${encodeURIComponent(this.modelName)}/${encodeURIComponent(this.environment)}`;
    const response = await this.http.request('GET', path, { headers: this.etag ? { 'if-none-match': this.etag } : {} });
    if (response.status === 304) return false;
    const serving = (await response.json()) as Serving;
    for (const served of [serving.stable, serving.canary]) {
      if (served && !this.models.has(served.version)) this.models.set(served.version, await this.load(served.version));
    }
    this.serving = serving;
    this.etag = response.headers.get('etag');
    return true;
  }

  model(version: number): ServedModel | undefined {
    return this.models.get(version);
  }

  private async load(version: number): Promise<ServedModel> {
    const uri = await downloadUri(this.http, this.modelName, version);
    const serialized = JSON.parse(await downloadArtifact(this.http, uri, 'model.json')) as SerializedModel;
    const trees = serialized.kind === 'random-forest' ? Number((serialized.model as { baseModel?: { nEstimators?: number } }).baseModel?.nEstimators ?? 10) : 0;
    return { version, classifier: loadModel(serialized), features: serialized.features, classes: serialized.classes, behaviour: behaviourOf(serialized.kind, trees) };
  }
}
