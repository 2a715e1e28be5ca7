import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Part upload URLs for multipart uploads. MLflow clients PUT each part to the URL the server
 * returned, without their credentials (the URLs are presigned S3 URLs on MLflow's S3 store), so
 * our URLs carry an HMAC over (upload id, part number, expiry) made with the server secret. The
 * upload itself was created by an authenticated caller with artifacts:write and records who.
 */
export const partUrlLifetimeMs = 24 * 60 * 60 * 1000;

function signature(secret: string, uploadId: string, partNumber: number, expires: number): string {
  return createHmac('sha256', secret).update(`mpu-part:${uploadId}:${partNumber}:${expires}`).digest('hex');
}

export function signPart(secret: string, uploadId: string, partNumber: number, now = Date.now()) {
  const expires = now + partUrlLifetimeMs;
  return { expires, signature: signature(secret, uploadId, partNumber, expires) };
}

export function verifyPart(secret: string, uploadId: string, partNumber: number, expires: number, given: string, now = Date.now()): boolean {
  if (!Number.isSafeInteger(expires) || expires < now) return false;
  const expected = Buffer.from(signature(secret, uploadId, partNumber, expires), 'hex');
  const actual = Buffer.from(/^[0-9a-f]{64}$/.test(given) ? given : '', 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
