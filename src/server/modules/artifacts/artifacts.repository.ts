import type { Db } from '../../db/database';
import { artifactPathAncestors } from './artifact-path';
import { artifactUriFor } from './artifact-uri';

/** Reads the artifact routes need from other modules' tables. */

export async function findRunArtifactUri(db: Db, runId: string): Promise<string | undefined> {
  const row = await db.selectFrom('runs').select('artifact_uri').where('run_uuid', '=', runId).executeTakeFirst();
  return row?.artifact_uri;
}

export interface RegisteredSource {
  name: string;
  version: number;
  storageLocation: string;
}

/**
 * A live model version whose files contain `path` or lie under it, if any: writing or deleting
 * there would change a registered model behind its registry entry (model poisoning).
 */
export async function findRegisteredSourceOverlapping(db: Db, path: string): Promise<RegisteredSource | undefined> {
  const ancestors = artifactPathAncestors(path).map(artifactUriFor);
  const prefix = `${artifactUriFor(path)}/`;
  // SQL substr counts code points, not UTF-16 units.
  const prefixLength = [...prefix].length;
  const row = await db
    .selectFrom('model_versions')
    .select(['name', 'version', 'storage_location'])
    .where('deleted_time', 'is', null)
    .where((eb) =>
      eb.or([
        ...(ancestors.length > 0 ? [eb('storage_location', 'in', ancestors)] : []),
        eb(eb.fn('substr', ['storage_location', eb.val(1), eb.val(prefixLength)]), '=', prefix),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row ? { name: row.name, version: row.version, storageLocation: row.storage_location ?? '' } : undefined;
}
