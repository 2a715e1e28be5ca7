import { getAuditAsOf, getChainStatus, getEntityHistory, listAuditEvents, type AsOfEntity, type AuditEvent, type ChainStatus } from '../../../../shared/contract/audit';
import { buildChainStatus } from '../../factories';
import { contractHandler } from '../contract-handler';

let events: AuditEvent[] = [];
let chain: ChainStatus = buildChainStatus();
let asOf: AsOfEntity[] = [];
/** The query strings the events handler received, for tests of the URL-held filters. */
export const auditRequests: URLSearchParams[] = [];

/** Resets what the audit handlers serve. */
export function mockAudit(next: { events?: AuditEvent[]; chain?: ChainStatus; asOf?: AsOfEntity[] } = {}) {
  events = next.events ?? [];
  chain = next.chain ?? buildChainStatus();
  asOf = next.asOf ?? [];
  auditRequests.length = 0;
}
mockAudit();

export const auditHandlers = [
  contractHandler(listAuditEvents, ({ url }) => {
    auditRequests.push(url.searchParams);
    const action = url.searchParams.get('action');
    const items = action ? events.filter((e) => (action.endsWith('.') ? e.action.startsWith(action) : e.action === action)) : events;
    return { items, nextCursor: null };
  }),
  contractHandler(getEntityHistory, ({ params }) => ({
    items: events.filter((e) => e.entityType === params.entityType && e.entityId === decodeURIComponent(String(params.entityId))),
    nextCursor: null,
  })),
  contractHandler(getChainStatus, () => chain),
  contractHandler(getAuditAsOf, ({ url }) => ({ at: url.searchParams.get('at') ?? '', throughSeq: asOf.length ? 42 : null, entities: asOf })),
];
