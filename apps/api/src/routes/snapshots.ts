/**
 * Snapshots: a frozen topology and view, browsable with no AWS access at all
 * (/s/<id> in the console), downloadable as a file and openable from one.
 * Connect answers and connectivity checks run on the frozen data.
 */
import {
  AnalyzeAnswer,
  AnalyzeRequest,
  ApiErrorBody,
  ConnectAnswer,
  ConnectQuery,
  CreateSnapshotRequest,
  IdParams,
  RenameRequest,
  Snapshot,
  SNAPSHOT_FORMAT,
  SnapshotList,
  SnapshotMeta,
  type SnapshotFile,
} from "@lattice-atlas/shared";
import type { FastifyPluginAsync } from "fastify";
import Type from "typebox";
import { analyzeConnectivity } from "../lattice/check.js";
import { GraphIndex } from "../lattice/graph-index.js";
import { answerConnect } from "../lattice/connect.js";
import { AppError } from "../errors.js";
import { topologyToScenario } from "../snapshots/to-scenario.js";
import { parseSnapshotFile } from "../storage/snapshot-file.js";
import type { ViewsStore } from "../storage/views-store.js";
import { resolveTarget, type RouteContext } from "./context.js";

const errors = { 400: ApiErrorBody, 404: ApiErrorBody, 503: ApiErrorBody };
const raw = () => (data: unknown) => JSON.stringify(data);

export const snapshotRoutes: FastifyPluginAsync<RouteContext & { views: ViewsStore }> = async (app, ctx) => {
  const { views } = ctx;
  // A few frozen graphs stay indexed for their connect answers and checks.
  const indexes = new Map<string, GraphIndex>();
  const indexOf = (id: string): GraphIndex => {
    let index = indexes.get(id);
    if (!index) {
      const { topology } = views.getSnapshot(id);
      index = new GraphIndex(topology.nodes, topology.edges, [], topology.warnings, topology.prefixLists ?? []);
      indexes.set(id, index);
      if (indexes.size > 8) indexes.delete(indexes.keys().next().value!);
    }
    return index;
  };

  app.post<{ Body: CreateSnapshotRequest }>(
    "/api/snapshots",
    {
      schema: {
        tags: ["snapshots"],
        summary: "Freeze the topology as it is shown now, with the view",
        body: CreateSnapshotRequest,
        response: { 201: SnapshotMeta, ...errors },
      },
    },
    async (request, reply) => {
      const { source, region } = await resolveTarget(ctx, request.body);
      const topology = await ctx.topology.topology(source.id, region);
      const takenAt = new Date().toISOString();
      const name =
        request.body.name ?? `${topology.source.label} · ${region} · ${takenAt.slice(0, 16).replace("T", " ")}`;
      return reply.status(201).send(
        views.createSnapshot({
          name,
          takenAt,
          state: request.body.state.replace(/^\?/, ""),
          topology: { ...topology, stats: { ...topology.stats, cached: true } },
        }),
      );
    },
  );

  app.get(
    "/api/snapshots",
    { schema: { tags: ["snapshots"], summary: "Snapshots, newest first", response: { 200: SnapshotList, ...errors } } },
    async () => ({ snapshots: views.listSnapshots() }),
  );

  app.get<{ Params: IdParams }>(
    "/api/snapshots/:id",
    {
      schema: {
        tags: ["snapshots"],
        summary: "A snapshot: when and where it was taken, and the frozen topology",
        params: IdParams,
        response: { 200: Snapshot, ...errors },
      },
      serializerCompiler: raw,
    },
    async (request) => views.getSnapshot(request.params.id),
  );

  app.patch<{ Params: IdParams; Body: RenameRequest }>(
    "/api/snapshots/:id",
    {
      schema: {
        tags: ["snapshots"],
        summary: "Rename a snapshot",
        params: IdParams,
        body: RenameRequest,
        response: { 200: SnapshotMeta, ...errors },
      },
    },
    async (request) => views.renameSnapshot(request.params.id, request.body.name),
  );

  app.delete<{ Params: IdParams }>(
    "/api/snapshots/:id",
    { schema: { tags: ["snapshots"], summary: "Delete a snapshot", params: IdParams, response: errors } },
    async (request, reply) => {
      views.deleteSnapshot(request.params.id);
      indexes.delete(request.params.id);
      return reply.status(204).send();
    },
  );

  app.get<{ Params: IdParams }>(
    "/api/snapshots/:id/file",
    {
      schema: {
        tags: ["snapshots"],
        summary: "Download a snapshot as a JSON file",
        params: IdParams,
        response: errors,
      },
    },
    async (request, reply) => {
      const { meta, topology } = views.getSnapshot(request.params.id);
      const file: SnapshotFile = {
        format: SNAPSHOT_FORMAT,
        version: 1,
        name: meta.name,
        takenAt: meta.takenAt,
        state: meta.state,
        topology,
      };
      const slug =
        meta.name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-|-$/g, "")
          .slice(0, 60) || meta.id;
      return reply
        .header("content-type", "application/json; charset=utf-8")
        .header("content-disposition", `attachment; filename="lattice-atlas-${slug}.json"`)
        .send(JSON.stringify(file));
    },
  );

  // Opening a file: the body is read as text so a bad file gets words, not a parser's stack.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "string", bodyLimit: 64 * 1024 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      "/api/snapshots/import",
      {
        bodyLimit: 64 * 1024 * 1024,
        schema: {
          tags: ["snapshots"],
          summary: "Open a snapshot file (its JSON as the body)",
          response: { 201: SnapshotMeta, ...errors },
        },
      },
      async (request, reply) => {
        const file = parseSnapshotFile(typeof request.body === "string" ? request.body : "");
        return reply.status(201).send(
          views.createSnapshot({
            name: file.name,
            takenAt: file.takenAt,
            state: file.state,
            topology: file.topology,
          }),
        );
      },
    );
  });

  app.get<{ Params: IdParams; Querystring: ConnectQuery }>(
    "/api/snapshots/:id/connect",
    {
      schema: {
        tags: ["snapshots"],
        summary: "Which hostname works from a VPC, answered from the frozen data",
        params: IdParams,
        querystring: ConnectQuery,
        response: { 200: ConnectAnswer, ...errors },
      },
      serializerCompiler: raw,
    },
    async (request) => answerConnect(indexOf(request.params.id), request.query.from, request.query.to),
  );

  app.post<{ Params: IdParams; Body: AnalyzeRequest }>(
    "/api/snapshots/:id/analyze",
    {
      schema: {
        tags: ["snapshots"],
        summary: "The connectivity check on the frozen data",
        params: IdParams,
        body: AnalyzeRequest,
        response: { 200: AnalyzeAnswer, ...errors },
      },
      serializerCompiler: raw,
    },
    async (request) => analyzeConnectivity(indexOf(request.params.id), request.body),
  );

  app.post<{ Params: IdParams }>(
    "/api/snapshots/:id/emulate",
    {
      schema: {
        tags: ["snapshots"],
        summary: "Reproduce a snapshot's topology in the embedded emulator (replacing its state), for experiments",
        params: IdParams,
        response: {
          200: Type.Object({
            source: Type.String(),
            region: Type.String(),
            url: Type.String(),
            scenario: Type.String(),
          }),
          403: ApiErrorBody,
          ...errors,
        },
      },
    },
    async (request) => {
      if (!ctx.emulatorUrl)
        throw new AppError(
          "VALIDATION",
          "This server runs without the AWS emulator; start it without --no-emulator to reproduce snapshots.",
          { field: "id" },
        );
      const emulator = await ctx.registry.get("emulator");
      if (!emulator.mutationsAllowed)
        throw new AppError(
          "READ_ONLY",
          "This server is read-only; reproducing a snapshot would replace the emulator's state.",
        );
      const { meta, topology } = views.getSnapshot(request.params.id);
      // The emulator's own account: the snapshot's account id names another (real) account.
      const { accountId: _account, ...document } = topologyToScenario(topology, `snapshot-${meta.id}`);
      const response = await fetch(`${ctx.emulatorUrl}/_emulator/scenario-document`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(document),
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { message?: string };
        throw new AppError(
          "VALIDATION",
          `The emulator could not reproduce this snapshot: ${body.message ?? response.statusText}.`,
          { field: "id" },
        );
      }
      ctx.topology.invalidate("emulator", topology.region);
      const state = new URLSearchParams(meta.state);
      state.set("source", "emulator");
      state.set("region", topology.region);
      return { source: "emulator", region: topology.region, url: `/?${state.toString()}`, scenario: document.name };
    },
  );
};
