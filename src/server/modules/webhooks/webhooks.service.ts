import type { Webhook } from '../../../shared/contract/webhooks';
import type { Config } from '../../config/env';
import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { invalidParameter, notFound } from '../../errors';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import { enqueueWebhookEvent } from './outbox';
import { assertUrlAllowed, type OutboundPolicy, OutboundRefused } from './outbound-policy';
import { newWebhookSecret, sealSecret } from './secret-box';
import { deleteWebhookRow, findWebhookRow, insertWebhookRow, toWebhook, updateWebhookRow } from './webhooks.repository';

export function outboundPolicyOf(config: Config): OutboundPolicy {
  return { allowedHosts: config.webhookAllowedHosts, allowPrivate: config.webhookAllowPrivate };
}

/** Refuses URLs the outbound policy forbids with a 400 that names the reason. */
export async function validateOutboundUrl(url: string, policy: OutboundPolicy, field = 'body.url'): Promise<void> {
  try {
    await assertUrlAllowed(url, policy);
  } catch (error) {
    if (!(error instanceof OutboundRefused)) throw error;
    throw invalidParameter(`Sextant will not call ${url}: ${error.message}`, [{ path: field, message: error.message }]);
  }
}

/** What the audit trail records: never the secret. */
const auditView = (w: Webhook) => ({ name: w.name, url: w.url, events: w.events, enabled: w.enabled });

interface Deps {
  database: DatabaseHandle;
  config: Config;
  secret: string;
}

export async function createWebhook(
  deps: Deps,
  input: { name: string; url: string; events: string[]; enabled: boolean },
  context: AuditContext,
): Promise<{ webhook: Webhook; secret: string }> {
  await validateOutboundUrl(input.url, outboundPolicyOf(deps.config));
  const secret = newWebhookSecret();
  return inTransaction(deps.database, async (tx) => {
    const row = await insertWebhookRow(tx, { ...input, secretCiphertext: sealSecret(deps.secret, secret), createdBy: context.actor.name });
    const webhook = toWebhook(row);
    await appendAudit(tx, context, { action: 'webhook.created', entityType: 'webhook', entityId: webhook.id, after: auditView(webhook) });
    return { webhook, secret };
  });
}

export async function updateWebhook(
  deps: Deps,
  id: number,
  changes: { name?: string | undefined; url?: string | undefined; events?: string[] | undefined; enabled?: boolean | undefined; rotateSecret?: boolean | undefined },
  context: AuditContext,
): Promise<{ webhook: Webhook; secret: string | null }> {
  if (changes.url !== undefined) await validateOutboundUrl(changes.url, outboundPolicyOf(deps.config));
  const secret = changes.rotateSecret ? newWebhookSecret() : null;
  return inTransaction(deps.database, async (tx) => {
    const before = await findWebhookRow(tx, id);
    if (!before) throw notFound(`No webhook with id ${id}`);
    const { rotateSecret: _rotate, ...fields } = changes;
    const row = await updateWebhookRow(tx, id, {
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      ...(secret && { secretCiphertext: sealSecret(deps.secret, secret) }),
    });
    const webhook = toWebhook(row);
    await appendAudit(tx, context, {
      action: secret ? 'webhook.secret-rotated' : 'webhook.updated',
      entityType: 'webhook',
      entityId: webhook.id,
      before: auditView(toWebhook(before)),
      after: auditView(webhook),
    });
    return { webhook, secret };
  });
}

export async function deleteWebhook(database: DatabaseHandle, id: number, context: AuditContext): Promise<void> {
  await inTransaction(database, async (tx) => {
    const before = await findWebhookRow(tx, id);
    if (!before) throw notFound(`No webhook with id ${id}`);
    await deleteWebhookRow(tx, id);
    await appendAudit(tx, context, { action: 'webhook.deleted', entityType: 'webhook', entityId: String(id), before: auditView(toWebhook(before)) });
  });
}

export async function queueTestDelivery(database: DatabaseHandle, id: number, context: AuditContext): Promise<void> {
  await inTransaction(database, async (tx) => {
    if (!(await findWebhookRow(tx, id))) throw notFound(`No webhook with id ${id}`);
    await enqueueWebhookEvent(tx, { type: 'webhook.test', payload: { message: 'A test delivery from Sextant', by: context.actor.name } }, { onlyWebhookId: id });
    await appendAudit(tx, context, { action: 'webhook.test-queued', entityType: 'webhook', entityId: String(id) });
  });
}
