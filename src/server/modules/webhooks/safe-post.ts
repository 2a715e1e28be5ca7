import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkUrl, type OutboundPolicy, OutboundRefused, refusedAddressReason } from './outbound-policy';

export interface PostResult {
  status: number;
  /** The first bytes of the response body (enough for a gate's verdict or an error message). */
  body: string;
  durationMs: number;
}

/**
 * A DNS lookup that refuses forbidden addresses. Node connects to exactly the address this returns,
 * so checking here (at connect time, not before) defeats DNS rebinding between check and use.
 */
function guardedLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = addresses as dns.LookupAddress[];
      for (const { address } of list) {
        const reason = refusedAddressReason(address, policy);
        if (reason) return callback(new OutboundRefused(`${hostname} resolves to ${reason}`), '', 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new OutboundRefused(`${hostname} does not resolve`), '', 4);
      return callback(null, first.address, first.family);
    });
  };
}

/**
 * POSTs `body` to a URL allowed by the outbound policy: no redirects followed, a hard timeout, and a
 * bounded read of the answer. Throws OutboundRefused (policy) or an Error (network, timeout).
 */
export function safePost(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  options: { policy: OutboundPolicy; timeoutMs: number; maxBodyBytes?: number },
): Promise<PostResult> {
  const url = checkUrl(rawUrl, options.policy);
  const started = performance.now();
  const client = url.protocol === 'https:' ? https : http;
  const maxBytes = options.maxBodyBytes ?? 64 * 1024;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Sextant-Webhooks/1', ...headers, 'content-length': Buffer.byteLength(body) },
        lookup: guardedLookup(options.policy),
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < maxBytes) chunks.push(chunk.subarray(0, maxBytes - size));
          size += chunk.length;
        });
        response.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            durationMs: Math.round(performance.now() - started),
          });
        });
        response.on('error', fail);
      },
    );
    const timer = setTimeout(() => request.destroy(new Error(`timed out after ${options.timeoutMs} ms`)), options.timeoutMs);
    function fail(error: Error) {
      clearTimeout(timer);
      reject(error);
    }
    request.on('error', fail);
    request.end(body);
  });
}
