import { z } from 'zod';
import path from 'node:path';
import { parseAddressList } from './address-list';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every setting Sextant reads from the environment. A bad value stops start-up with one line. */
const envSchema = z.object({
  PORT: z.coerce.number({ error: 'must be a port number between 0 and 65535' }).int().min(0).max(65535).default(5000),
  HOST: z.string().min(1).default('127.0.0.1'),
  SEXTANT_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: (a file path) or postgres://')
    .optional(),
  SEXTANT_ARTIFACTS_DIR: z.string().min(1).optional(),
  SEXTANT_ADMIN_PASSWORD: z.string().min(10, 'must have at least 10 characters').optional(),
  SEXTANT_SECRET: z.string().min(32, 'must have at least 32 characters').optional(),
  SEXTANT_AUTH_PROXY_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, 'must be an HTTP header name such as X-Forwarded-User')
    .transform((h) => h.toLowerCase())
    .optional(),
  SEXTANT_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((value, ctx) => {
      try {
        return parseAddressList(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  SEXTANT_SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 90).default(12),
  SEXTANT_WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean))
    .refine((hosts) => hosts.every((h) => /^(\*\.)?[a-z0-9.-]+$/.test(h)), 'must be host names such as hooks.example.com or *.example.com'),
  SEXTANT_WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(logLevels).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  artifactsDir: string;
  adminPassword: string | undefined;
  /** Undefined until resolved by `resolveSecret` (generated and kept in the data directory). */
  secret: string | undefined;
  authProxyHeader: string | undefined;
  trustedProxies: string[];
  sessionHours: number;
  /** Hosts webhooks and webhook gates may call (empty: any public host). */
  webhookAllowedHosts: string[];
  /** Allow loopback, private and link-local targets (cloud metadata addresses stay refused). */
  webhookAllowPrivate: boolean;
  logLevel: (typeof logLevels)[number];
}

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError whose message is one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const shown = env[name] === undefined ? '' : ` (got "${redact(name, env[name])}")`;
      return `Invalid ${name}${shown}: ${issue.message}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.SEXTANT_DATA_DIR);
  if (e.SEXTANT_AUTH_PROXY_HEADER && e.SEXTANT_TRUSTED_PROXIES.length === 0) {
    throw new ConfigError(
      'Invalid SEXTANT_AUTH_PROXY_HEADER: set SEXTANT_TRUSTED_PROXIES to the addresses of the proxies allowed to send it',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'sextant.db')}`,
    artifactsDir: path.resolve(e.SEXTANT_ARTIFACTS_DIR ?? path.join(dataDir, 'artifacts')),
    adminPassword: e.SEXTANT_ADMIN_PASSWORD,
    secret: e.SEXTANT_SECRET,
    authProxyHeader: e.SEXTANT_AUTH_PROXY_HEADER,
    trustedProxies: e.SEXTANT_TRUSTED_PROXIES,
    sessionHours: e.SEXTANT_SESSION_HOURS,
    webhookAllowedHosts: e.SEXTANT_WEBHOOK_ALLOWED_HOSTS,
    webhookAllowPrivate: e.SEXTANT_WEBHOOK_ALLOW_PRIVATE === 'true',
    logLevel: e.LOG_LEVEL,
  };
}

function redact(name: string, value: string | undefined): string {
  if (/PASSWORD|SECRET/.test(name)) return '…';
  if (name === 'DATABASE_URL') return (value ?? '').replace(/\/\/[^@/]*@/, '//…@');
  return value ?? '';
}
