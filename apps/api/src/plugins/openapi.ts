/** OpenAPI generated from the route schemas, served at /api/openapi.json and browsable at /api/docs. */
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Lattice Atlas API",
        version,
        description: "Discovery of VPC Lattice topologies and the answer to “which hostname do I use from here?”.",
      },
    },
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: true,
    // Plain HTTP on loopback: upgrade-insecure-requests would break asset loading in Safari.
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ""),
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
