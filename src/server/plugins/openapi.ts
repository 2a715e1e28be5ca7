import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * The OpenAPI document of the native API, generated from the shared zod contract through the
 * routes' schemas. Only `/api/v1` routes are documented (MLflow's API has its own documentation).
 */
export const openApiPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        info: { title: 'Sextant API', version: '1', description: 'The native API of Sextant (camelCase JSON).' },
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', description: 'An API token (sxt_…) from Settings → API tokens' },
            basic: { type: 'http', scheme: 'basic', description: 'Username with a password or an API token' },
          },
        },
        security: [{ bearer: [] }, { basic: [] }],
      },
      transform: (document) => {
        if (!document.url.startsWith('/api/v1/')) return { schema: { hide: true }, url: document.url };
        return jsonSchemaTransform(document);
      },
    });
    app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
