import { randomBytes } from 'node:crypto';
import type { DatabaseHandle } from '../../db/database';
import { systemContext } from '../audit/audit.service';
import { countUsers } from './users.repository';
import { createUser } from './users.service';

/**
 * On first start with no users, creates `admin`. Returns the generated password (to print once)
 * or null when SEXTANT_ADMIN_PASSWORD was used or users already exist.
 */
export async function bootstrapAdmin(database: DatabaseHandle, configuredPassword: string | undefined): Promise<{ generatedPassword: string | null; created: boolean }> {
  if ((await countUsers(database.db)) > 0) return { generatedPassword: null, created: false };
  const password = configuredPassword ?? randomBytes(15).toString('base64url');
  try {
    await createUser(database, { username: 'admin', displayName: 'Administrator', role: 'admin', password }, systemContext);
  } catch (error) {
    // A second replica starting at the same moment created it first.
    if ((await countUsers(database.db)) > 0) return { generatedPassword: null, created: false };
    throw error;
  }
  return { generatedPassword: configuredPassword ? null : password, created: true };
}
