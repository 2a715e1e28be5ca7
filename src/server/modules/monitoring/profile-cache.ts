import type { Db } from '../../db/database';
import { findActiveProfile, type StoredProfile } from './profiles.repository';
import type { ReferenceProfile } from './reference-profile';

export interface CachedProfile {
  id: number;
  profile: ReferenceProfile;
  /** Feature name → position in `profile.features`. */
  index: Map<string, number>;
}

const ttlMs = 5_000;

/**
 * Active profiles by model version, kept a few seconds: ingestion reads them on every batch and a
 * profile (with its samples) is costly to parse. A new profile in this process evicts at once;
 * other replicas see it within the TTL.
 */
export class ProfileCache {
  private entries = new Map<string, { value: CachedProfile | null; expires: number }>();

  async get(db: Db, modelName: string, version: number): Promise<CachedProfile | null> {
    const key = `${modelName}\u0000${version}`;
    const hit = this.entries.get(key);
    if (hit && hit.expires > Date.now()) return hit.value;
    const stored = await findActiveProfile(db, modelName, version);
    const value = stored ? toCached(stored) : null;
    this.entries.set(key, { value, expires: Date.now() + ttlMs });
    return value;
  }

  evict(modelName: string, version: number) {
    this.entries.delete(`${modelName}\u0000${version}`);
  }
}

export function toCached(stored: StoredProfile): CachedProfile {
  return { id: stored.id, profile: stored.profile, index: new Map(stored.profile.features.map((f, i) => [f.name, i])) };
}
