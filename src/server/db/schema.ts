import type { AuditTables } from '../modules/audit/audit.tables';
import type { AuthTables } from '../modules/auth/auth.tables';
import type { DeploymentsTables } from '../modules/deployments/deployments.tables';
import type { MonitoringTables } from '../modules/monitoring/monitoring.tables';
import type { PromotionsTables } from '../modules/promotions/promotions.tables';
import type { RegistryTables } from '../modules/registry/registry.tables';
import type { TrackingTables } from '../modules/tracking/tracking.tables';
import type { WebhooksTables } from '../modules/webhooks/webhooks.tables';

/** Every table, assembled from the modules that own them. */
export interface Database extends AuthTables, AuditTables, TrackingTables, RegistryTables, DeploymentsTables, MonitoringTables,
  PromotionsTables, WebhooksTables {}
