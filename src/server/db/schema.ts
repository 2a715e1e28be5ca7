import type { AuditTables } from '../modules/audit/audit.tables';
import type { AuthTables } from '../modules/auth/auth.tables';

/** Every table, assembled from the modules that own them. */
export interface Database extends AuthTables, AuditTables {}
