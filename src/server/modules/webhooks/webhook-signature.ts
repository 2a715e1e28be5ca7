import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Deliveries carry `X-Sextant-Timestamp` (Unix seconds) and `X-Sextant-Signature: v1=<hex>`, the
 * HMAC-SHA256 of `<timestamp>.<raw body>` under the webhook's secret (as Stripe and Slack do): the
 * receiver recomputes it over the bytes it received and refuses stale timestamps to stop replays.
 */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function signatureHeaders(secret: string, body: string, nowMs: number): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  return { 'x-sextant-timestamp': String(timestamp), 'x-sextant-signature': `v1=${signPayload(secret, timestamp, body)}` };
}

/** What a receiver does; exported for tests and as the reference the README describes. */
export function verifySignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  options: { nowMs?: number; toleranceSeconds?: number } = {},
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || !headers.signature?.startsWith('v1=')) return false;
  const age = Math.abs((options.nowMs ?? Date.now()) / 1000 - timestamp);
  if (age > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signPayload(secret, timestamp, body), 'hex');
  const given = Buffer.from(headers.signature.slice(3), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
