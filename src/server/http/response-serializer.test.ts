import type { FastifySerializerCompiler } from 'fastify';
import { describe, expect, it } from 'vitest';
import { z, type ZodType } from 'zod';
import { sessionInfoSchema } from '../../shared/contract/auth';
import { responseSerializerCompiler, serializeAsBuilt } from './response-serializer';

const compile = (schema: ZodType, verify: boolean) =>
  (responseSerializerCompiler({ verify }) as FastifySerializerCompiler<ZodType>)({ schema, method: 'GET', url: '/api/v1/test' });

const session = {
  user: { id: '1', username: 'ada', displayName: 'Ada', role: 'admin', disabled: false, createdAt: '2026-11-28T08:00:00.000Z', lastSignInAt: null },
  via: 'token',
  csrfToken: null,
};

describe('responseSerializerCompiler', () => {
  it('writes what zod would: declared properties only, at every level', () => {
    const withSecrets = { ...session, user: { ...session.user, password_hash: 'scrypt$secret' }, internal: 1 };
    for (const verify of [false, true]) {
      const json = compile(sessionInfoSchema, verify)(withSecrets);
      expect(JSON.parse(json)).toEqual(session);
      expect(json).not.toContain('secret');
    }
  });

  it('picks the union branch zod picks even when the value carries extra properties', () => {
    const schema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('a'), a: z.number() }), z.object({ kind: z.literal('b'), b: z.string() })]);
    expect(JSON.parse(compile(schema, true)({ kind: 'b', b: 'x', extra: true }))).toEqual({ kind: 'b', b: 'x' });
  });

  it('writes a schema marked as built in shape with JSON.stringify, and in verify mode rejects an object with more', () => {
    const schema = z.object({ nodes: z.array(z.object({ id: z.string(), time: z.number() })) });
    serializeAsBuilt(schema);
    const graph = { nodes: [{ id: 'run:1', time: 5 }] };
    expect(compile(schema, false)(graph)).toBe(JSON.stringify(graph));
    expect(compile(schema, true)(graph)).toBe(JSON.stringify(graph));
    expect(() => compile(schema, true)({ nodes: [{ id: 'run:1', time: 5, index: 0 }] })).toThrow(/wrote the response differently/);
  });

  it('in verify mode (tests) rejects a response outside its contract', () => {
    const badRole = { ...session, user: { ...session.user, role: 'superuser' } };
    expect(() => compile(sessionInfoSchema, true)(badRole)).toThrow(/outside its contract/);
  });
});
