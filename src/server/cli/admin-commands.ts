import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Command } from 'commander';
import { isRole, roles, type Role } from '../../shared/permissions';
import { loadConfig } from '../config/env';
import { resolveSecret } from '../config/secret';
import { type DatabaseHandle, openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import type { AuditContext } from '../modules/audit/audit.service';
import { verifyChain } from '../modules/audit/audit-verification.service';
import { findUserByUsername, listUsers } from '../modules/auth/users.repository';
import { createUser, updateUser } from '../modules/auth/users.service';
import { createToken, revokeToken } from '../modules/auth/tokens.service';
import { verifyExportFile } from './verify-export';

/** CLI changes are audited like any other, with the operating-system user as the actor. */
const cliContext: AuditContext = { actor: { id: null, name: `cli:${os.userInfo().username}`, via: 'cli' }, requestId: null, clientIp: null };

async function withDatabase<T>(work: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const database = openDatabase(loadConfig().databaseUrl);
  try {
    await migrateToLatest(database);
    return await work(database);
  } finally {
    await database.db.destroy();
  }
}

function parseRole(value: string): Role {
  if (!isRole(value)) throw new Error(`Unknown role "${value}"; use one of: ${roles.join(', ')}`);
  return value;
}

async function userIdOf(database: DatabaseHandle, username: string): Promise<number> {
  const user = await findUserByUsername(database.db, username.toLowerCase());
  if (!user) throw new Error(`No user named "${username}"`);
  return user.id;
}

const print = (line: string) => process.stdout.write(`${line}\n`);

export function registerAdminCommands(program: Command) {
  const users = program.command('users').description('Manage users');
  users
    .command('create <username>')
    .description('Create a user; prints a generated password unless --password is given')
    .requiredOption('--role <role>', `one of: ${roles.join(', ')}`, parseRole)
    .option('--password <password>', 'initial password (at least 10 characters)')
    .option('--display-name <name>', 'name shown in the dashboard')
    .action((username: string, options: { role: Role; password?: string; displayName?: string }) =>
      withDatabase(async (database) => {
        const password = options.password ?? randomBytes(15).toString('base64url');
        if (password.length < 10) throw new Error('The password must have at least 10 characters');
        const user = await createUser(database, { username, role: options.role, password, displayName: options.displayName }, cliContext);
        print(`Created ${user.username} (${user.role}), id ${user.id}`);
        if (!options.password) print(`Password: ${password}`);
      }),
    );
  users.command('list').description('List users').action(() =>
    withDatabase(async (database) => {
      for (const u of await listUsers(database.db)) {
        print(`${String(u.id).padStart(4)}  ${u.username.padEnd(24)} ${u.role.padEnd(15)} ${u.disabled ? 'disabled' : 'active'}`);
      }
    }),
  );
  users.command('set-role <username> <role>').description('Change a user’s role').action((username: string, role: string) =>
    withDatabase(async (database) => {
      const user = await updateUser(database, await userIdOf(database, username), { role: parseRole(role) }, cliContext);
      print(`${user.username} is now ${user.role}`);
    }),
  );
  for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
    users.command(`${name} <username>`).description(`${disabled ? 'Disable' : 'Enable'} a user`).action((username: string) =>
      withDatabase(async (database) => {
        await updateUser(database, await userIdOf(database, username), { disabled }, cliContext);
        print(`${username} ${disabled ? 'disabled (sessions ended)' : 'enabled'}`);
      }),
    );
  }

  const tokens = program.command('tokens').description('Manage API tokens');
  tokens
    .command('create <username>')
    .description('Create an API token for a user and print it (shown once)')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--expires-days <days>', 'days until it expires', (v) => Number.parseInt(v, 10))
    .action((username: string, options: { name: string; expiresDays?: number }) =>
      withDatabase(async (database) => {
        const { token, secret } = await createToken(database, await userIdOf(database, username), { name: options.name, expiresInDays: options.expiresDays ?? null }, cliContext);
        print(`Token ${token.id} (${token.name}) for ${username}:`);
        print(secret);
      }),
    );
  tokens.command('revoke <tokenId>').description('Revoke an API token by id').action((tokenId: string) =>
    withDatabase(async (database) => {
      await revokeToken(database, Number(tokenId), null, cliContext);
      print(`Token ${tokenId} revoked`);
    }),
  );

  const audit = program.command('audit').description('Audit trail tools');
  audit
    .command('verify')
    .description('Recompute the hash chain (from the last retention checkpoint) and report the first broken link')
    .action(() =>
      withDatabase(async (database) => {
        const started = Date.now();
        const result = await verifyChain(database, resolveSecret(loadConfig()), 'full');
        const seconds = (Date.now() - started) / 1000;
        if (result.ok) print(`Audit chain verifies: ${result.checked} events, head at ${result.verifiedThroughSeq} (${seconds.toFixed(2)} s)`);
        else {
          print(`Audit chain BROKEN at event ${result.broken?.seq}: ${result.broken?.reason} (${result.checked} events verified before it)`);
          process.exitCode = 2;
        }
      }),
    );
  audit
    .command('verify-export <file>')
    .description('Verify an exported JSON Lines file offline (no database needed)')
    .action(async (file: string) => {
      const result = await verifyExportFile(file);
      for (const line of result.lines) print(line);
      if (!result.ok) process.exitCode = 2;
    });
}
