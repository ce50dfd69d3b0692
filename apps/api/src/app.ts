/**
 * Builds the Fastify application from its configuration and services; the
 * process glue (server.ts) listens, tests use inject() or a real port.
 * Plugins load in a fixed order: error handling, security, OpenAPI, routes.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { AppError } from "./errors.js";
import compress from "@fastify/compress";
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from "fastify";
import { openAuditStoreOrExplain } from "./actions/audit-store.js";
import { createActionService } from "./actions/service.js";
import { createConnectService } from "./connect/service.js";
import type { ApiErrorBody } from "@lattice-atlas/shared";
import { createRegionCensus } from "./sources/census.js";
import { frameworkErrorBody, registerErrorHandling } from "./plugins/errors.js";
import { redactQueryToken } from "./plugins/redact.js";
import { createMetrics, type Metrics } from "./observability/metrics.js";
import { requestIdOf } from "./observability/request-id.js";
import { registerQueryValues } from "./plugins/query-values.js";
import { registerOpenApi } from "./plugins/openapi.js";
import { registerSecurity } from "./plugins/security.js";
import type { AuthConfig } from "./auth/config.js";
import { registerAuth, type AuthMode } from "./auth/plugin.js";
import { openSqliteSessions, type SessionStore } from "./auth/sessions.js";
import { openPostgresSessions } from "./auth/sessions-postgres.js";
import type pg from "pg";
import { registerWeb } from "./plugins/web.js";
import { actionRoutes } from "./routes/actions.js";
import { analyzeRoutes } from "./routes/analyze.js";
import { snapshotRoutes } from "./routes/snapshots.js";
import { viewRoutes } from "./routes/views.js";
import type { ChangeFeed } from "./storage/change-feed.js";
import {
  sqliteAudit,
  sqliteSnapshots,
  sqliteViews,
  type AuditRepository,
  type SnapshotRepository,
  type ViewRepository,
} from "./storage/stores.js";
import { openViewsStore } from "./storage/views-store.js";
import { auditRoutes } from "./routes/audit.js";
import { connectRoutes } from "./routes/connect.js";
import { detailsRoutes } from "./routes/details.js";
import type { RouteContext } from "./routes/context.js";
import { healthRoutes } from "./routes/health.js";
import { probeRoutes } from "./routes/probes.js";
import { regionsRoutes } from "./routes/regions.js";
import { sourcesRoutes } from "./routes/sources.js";
import { topologyRoutes } from "./routes/topology.js";
import { createDrain, type Drain } from "./shutdown.js";
import { SourceRegistry, type RegistryOptions } from "./sources/registry.js";
import { createTopologyService, type TopologyServiceOptions } from "./topology/service.js";

export interface AppOptions {
  version: string;
  port: number;
  host: string;
  allowedHosts?: string[];
  token?: string | undefined;
  emulatorUrl?: string | undefined;
  defaultSource?: string;
  region?: string | undefined;
  allowAwsMutations?: boolean;
  /** Refuse every change, the emulator's too. */
  readOnly?: boolean;
  /** Where the audit log and the executed client tokens live (SQLite); without it they are kept in memory. */
  dataDir?: string | undefined;
  /** Serve the built web console from this folder (when it exists). */
  webRoot?: string | undefined;
  /** Log requests (ATLAS_LOG=1); tests pass a stream to read what was logged. */
  logger?: boolean | { stream: NodeJS.WritableStream };
  runner?: TopologyServiceOptions["runner"];
  /** Test hooks (never set by the server). */
  testHooks?:
    | {
        afterAwsCall?: () => Promise<void>;
        /** Called once a request passed the role check: true answers 204 without running the route. */
        admitted?: (request: FastifyRequest) => boolean;
      }
    | undefined;
  /** One discovery's deadline (default 30 s). */
  discoveryDeadlineMs?: number | undefined;
  /** Minutes after which a picture is stale and the console refreshes it (default 10; 0: never by itself). */
  refreshAfterMinutes?: number | undefined;
  clientOptions?: RegistryOptions["clientOptions"];
  /** An estate of member accounts reached by an assumed role (see sources/estate-config.ts). */
  estate?: RegistryOptions["estate"];
  /** --assume-role-arn: the hub role the `default` and `emulator` sources assume (per-user sessions on one account). */
  assumeRoleArn?: string | undefined;
  /** This replica's id, the owner of the executions it claims (default: host name, process id and a random part). */
  replicaId?: string | undefined;
  /**
   * The team store (PostgreSQL): saved views, and (when given) snapshots, the audit log with executed client
   * tokens, and the feed of changes between replicas live there instead of the SQLite files in dataDir.
   */
  teamStore?:
    | {
        views: ViewRepository;
        snapshots?: SnapshotRepository;
        audit?: AuditRepository;
        changes?: ChangeFeed;
        ping(): Promise<boolean>;
        pool?: pg.Pool;
      }
    | undefined;
  /** Prometheus metrics at GET /metrics (default: on). */
  metrics?: boolean | undefined;
  /** laptop (default: no sign-in) or team (sign-in, sessions in the team store or atlas-sessions.sqlite, roles). */
  auth?: AuthConfig | undefined;
}

declare module "fastify" {
  interface FastifyInstance {
    /** The process's lifecycle: draining (graceful shutdown, see shutdown.ts) and the changes in flight. */
    lifecycle: {
      drain: Drain;
      inflightChanges: () => Promise<void>;
      inflightCount: () => number;
      /** Settles the executions whose owner is gone (as start-up and the sweep do); tests call it directly. */
      reconcile: () => Promise<{ settled: number; left: number }>;
    };
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? ({
          level: "info",
          redact: ["req.headers.authorization", "req.headers.cookie"],
          // The access token may come as ?token= (the printed link): never into the log.
          serializers: {
            req: (request: FastifyRequest) => ({
              method: request.method,
              url: redactQueryToken(request.url),
              host: request.host,
              remoteAddress: request.ip,
            }),
          },
          ...(typeof options.logger === "object" ? { stream: options.logger.stream } : {}),
        } as NonNullable<FastifyServerOptions["logger"]>)
      : false,
    // Every log line of a request carries its id: the proxy's X-Request-Id when it is a plain token, else a new one.
    genReqId: requestIdOf,
    logController: new LogController({ requestIdLogLabel: "requestId" }),
    bodyLimit: 64 * 1024,
    requestTimeout: 60_000,
    // Refusals made before routing (an overlong id, a malformed URL) answer in the API's error shape too.
    frameworkErrors: (error, _request, reply) => {
      const answer = frameworkErrorBody(error) ?? {
        status: 400,
        body: { error: { code: "VALIDATION", message: error.message } } satisfies ApiErrorBody,
      };
      void (reply as unknown as FastifyReply).status(answer.status).send(answer.body);
    },
    // discriminator: action unions are validated by their `type`, so errors name the real field.
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: false, discriminator: true } },
  });
  const metrics: Metrics | undefined =
    options.metrics === false
      ? undefined
      : createMetrics({ inflightChanges: () => app.lifecycle?.inflightCount() ?? 0 });
  const registry = new SourceRegistry({
    emulatorUrl: options.emulatorUrl,
    defaultSource: options.defaultSource ?? (options.emulatorUrl ? "emulator" : "default"),
    region: options.region,
    allowAwsMutations: options.allowAwsMutations ?? false,
    readOnly: options.readOnly ?? false,
    clientOptions: { ...options.clientOptions, ...(metrics ? { onCall: metrics.awsCall } : {}) },
    ...(options.estate ? { estate: options.estate } : {}),
    ...(options.assumeRoleArn ? { assumeRoleArn: options.assumeRoleArn } : {}),
  });
  const views = openViewsStore(options.dataDir);
  const snapshots = options.teamStore?.snapshots ?? sqliteSnapshots(views);
  registry.useSnapshots({
    describe: async (id) => {
      try {
        const meta = await snapshots.snapshotMeta(id);
        return { name: meta.name, accountId: meta.accountId, region: meta.region };
      } catch (error) {
        if (error instanceof AppError && error.code === "NOT_FOUND") return undefined;
        throw error;
      }
    },
  });
  const topology = createTopologyService({
    registry,
    snapshots: { topology: async (id) => (await snapshots.getSnapshot(id)).topology },
    ...(options.runner ? { runner: options.runner } : {}),
    deadlineMs: options.discoveryDeadlineMs,
    ...(metrics ? { onCache: metrics.cache, onDiscovery: metrics.discovery } : {}),
  });
  const laptopAudit = options.teamStore?.audit ? undefined : openAuditStoreOrExplain(options.dataDir);
  const audit = options.teamStore?.audit ?? sqliteAudit(laptopAudit!);
  const changes = options.teamStore?.changes;
  const ctx: RouteContext = {
    version: options.version,
    emulatorUrl: options.emulatorUrl,
    registry,
    topology,
    refreshAfterMinutes: options.refreshAfterMinutes,
    census: createRegionCensus({ registry, ...(options.runner ? { runner: options.runner } : {}) }),
    connect: createConnectService({ topology, registry }),
    actions: createActionService({
      registry,
      topology,
      store: audit,
      onChange: changes
        ? (source, region, slices) =>
            void changes
              .publish({ source, region, slices })
              .catch((error: unknown) => app.log.warn({ err: error }, "telling other replicas of a change failed"))
        : undefined,
      runner: options.runner,
      afterCall: options.testHooks?.afterAwsCall,
      owner: options.replicaId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      onLeaseError: (error) => app.log.warn({ err: error }, "renewing the leases of changes in flight failed"),
    }),
  };
  app.addHook("onClose", async () => ctx.actions.close());
  // Another replica's change: this one's cached picture of that source and region is out of date.
  const unsubscribe = changes?.subscribe((change) =>
    change.source === "*" ? topology.invalidateAll() : topology.invalidate(change.source, change.region, change.slices),
  );
  app.addHook("onClose", async () => unsubscribe?.());
  // Changes whose owner is gone (a previous process; on a team store, a replica whose lease ran out): settled
  // in the background once the app is up, and on a team store again every lease period.
  let reconciling: Promise<unknown> | undefined;
  let started = false;
  const reconcileOrphans = async (): Promise<void> => {
    let orphans: number;
    try {
      orphans = (await audit.orphans(ctx.actions.owner)).length;
    } catch {
      return; // the audit store is unavailable: changes are refused anyway
    }
    if (orphans === 0) return;
    const result = await ctx.actions.reconcile((message) => app.log.warn(message));
    // A change left pending is logged at start-up; later sweeps speak only when they settled something.
    if (result.settled > 0 || (result.left > 0 && !started)) app.log.info(result, "reconciled interrupted changes");
    started = true;
  };
  const sweep = (): void => {
    reconciling ??= reconcileOrphans()
      .catch((error: unknown) => app.log.error({ err: error }, "reconciling interrupted changes failed"))
      .finally(() => (reconciling = undefined));
  };
  app.addHook("onReady", async () => sweep());
  const sweeper = audit.leaseMs !== undefined ? setInterval(sweep, audit.leaseMs) : undefined;
  sweeper?.unref();
  app.addHook("onClose", async () => clearInterval(sweeper));

  const drain = createDrain();
  app.decorate("lifecycle", {
    drain,
    inflightChanges: () => ctx.actions.drain(),
    inflightCount: () => ctx.actions.inflightChanges(),
    reconcile: () => ctx.actions.reconcile((message) => app.log.warn(message)),
  });
  // While draining, a new change goes to another replica (same client token: still one change).
  app.addHook("preHandler", async (request) => {
    if (drain.draining && request.routeOptions.url === "/api/actions/execute")
      throw new AppError("SHUTTING_DOWN", "This server is shutting down and takes no new change.", {
        hint: "Retry with the same client token: another replica (or this one, restarted) makes the change once.",
      });
  });

  // The request id goes back to the client (and the proxy's access log) with every answer.
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  if (metrics) {
    app.addHook("onResponse", async (request, reply) => {
      // The route's pattern, never the URL (ids, query tokens); requests no route matched are one label.
      const route = request.routeOptions.url ?? "unmatched";
      metrics.request(route, request.method, reply.statusCode, reply.elapsedTime / 1000);
    });
  }

  registerErrorHandling(app);
  // Bodies are JSON: text/plain (what a cross-site form or a no-cors fetch can send) is refused with 415.
  app.removeContentTypeParser("text/plain");
  registerQueryValues(app);
  await registerSecurity(app, {
    port: options.port,
    host: options.host,
    allowedHosts: options.allowedHosts ?? [],
    token: options.token,
  });
  let sessions: SessionStore | undefined;
  if (options.auth?.mode === "team") {
    sessions = options.teamStore?.pool
      ? await openPostgresSessions(options.teamStore.pool)
      : openSqliteSessions(options.dataDir);
  }
  const authMode: AuthMode =
    options.auth?.mode === "team" && sessions ? { ...options.auth, sessions } : { mode: "laptop" };
  await registerAuth(app, authMode, options.testHooks);
  app.addHook("onClose", async () => sessions?.close());
  // A large account's topology is megabytes of JSON; gzip takes it to a tenth. (Brotli costs too much CPU per request.)
  await app.register(compress, { global: true, threshold: 2048, encodings: ["gzip", "deflate"] });
  await registerOpenApi(app, options.version);
  await app.register(healthRoutes, ctx);
  await app.register(probeRoutes, {
    draining: () => drain.draining,
    checks: {
      views: () => views.listViews(),
      audit: () => audit.list({ limit: 1 }),
      ...(options.teamStore ? { database: () => databaseAnswers(options.teamStore!) } : {}),
    },
  });
  if (metrics) {
    app.get("/metrics", { schema: { hide: true } }, async (_request, reply) =>
      reply.type(metrics.registry.contentType).send(await metrics.render()),
    );
  }
  await app.register(sourcesRoutes, ctx);
  await app.register(regionsRoutes, ctx);
  await app.register(topologyRoutes, ctx);
  await app.register(connectRoutes, ctx);
  await app.register(detailsRoutes, ctx);
  await app.register(analyzeRoutes, ctx);
  await app.register(viewRoutes, { views: options.teamStore?.views ?? sqliteViews(views) });
  await app.register(snapshotRoutes, { ...ctx, snapshots });
  app.addHook("onClose", async () => views.close());
  await app.register(actionRoutes, ctx);
  await app.register(auditRoutes, ctx);
  await registerWeb(app, options.webRoot);
  app.addHook("onClose", async () => {
    registry.close();
    laptopAudit?.close();
  });
  return app;
}

async function databaseAnswers(store: { ping(): Promise<boolean> }): Promise<void> {
  if (!(await store.ping())) throw new AppError("STORAGE_UNAVAILABLE", "The team database does not answer.");
}
