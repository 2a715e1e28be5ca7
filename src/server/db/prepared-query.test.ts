import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { preparedQuery } from './prepared-query';
import { inTransaction } from './transaction';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const insertUser = preparedQuery((db, user: { username: string; role: string; now: number }) =>
  db
    .insertInto('users')
    .values({ username: user.username, display_name: 'constant name', role: user.role, disabled: 0, created_at: user.now, updated_at: user.now })
    .returning(['id', 'username', 'display_name', 'role', 'created_at']),
);
const usersNamed = preparedQuery((db, args: { username: string }) =>
  db.selectFrom('users').select(['username', 'role', 'disabled']).where('username', '=', args.username).where('disabled', '=', 0),
);

describe('preparedQuery', () => {
  it('runs the once-compiled query with each call’s arguments and keeps literal values', async () => {
    const [first] = await insertUser(database.handle.db, { username: 'ada', role: 'viewer', now: 1000 });
    const [second] = await insertUser(database.handle.db, { username: 'grace', role: 'admin', now: 2000 });
    expect(first).toMatchObject({ username: 'ada', display_name: 'constant name', role: 'viewer', created_at: 1000 });
    expect(second).toMatchObject({ username: 'grace', display_name: 'constant name', role: 'admin', created_at: 2000 });
    expect(await usersNamed(database.handle.db, { username: 'grace' })).toEqual([{ username: 'grace', role: 'admin', disabled: 0 }]);
    expect(await usersNamed(database.handle.db, { username: 'nobody' })).toEqual([]);
  });

  it('runs inside a transaction, which rolls it back like any other query', async () => {
    await expect(
      inTransaction(database.handle, async (tx) => {
        await insertUser(tx, { username: 'rolled-back', role: 'viewer', now: 3000 });
        expect(await usersNamed(tx, { username: 'rolled-back' })).toHaveLength(1);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await usersNamed(database.handle.db, { username: 'rolled-back' })).toEqual([]);
  });
});
