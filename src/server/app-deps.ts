import type { RouteAccess } from '../shared/permissions';
import type { Config } from './config/env';
import type { DatabaseHandle } from './db/database';
import type { ArtifactStore } from './modules/artifacts/artifact-store';
import type { Authenticator } from './modules/auth/authenticate.service';
import type { Principal } from './modules/auth/principal';

/** What every module needs, decorated on the app as `app.deps`. */
export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  secret: string;
  authenticator: Authenticator;
  /** Where artifact bytes live (local directory today; S3-compatible later). */
  artifactStore: ArtifactStore;
  /** Every registered route with its declared access, filled as routes register (tests walk it). */
  routeTable: Array<{ method: string; url: string; access: RouteAccess }>;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    /** Who is calling; null for anonymous requests to public routes. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Required on every route; checked by the access-control hook. */
    access?: RouteAccess;
  }
}
