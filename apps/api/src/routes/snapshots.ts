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
import { loadScenarioDocument } from "../aws/emulator-control.js";
import { AppError } from "../errors.js";
import { topologyToScenario } from "../snapshots/to-scenario.js";
import { parseSnapshotFile } from "../storage/snapshot-file.js";
import type { SnapshotRepository } from "../storage/stores.js";
import { resolveTarget, type RouteContext } from "./context.js";

const errors = { 400: ApiErrorBody, 404: ApiErrorBody, 413: ApiErrorBody, 415: ApiErrorBody, 503: ApiErrorBody };
/** A snapshot file: the large account's topology is ~6 MB of JSON; five times that is plenty. */
export const SNAPSHOT_FILE_LIMIT = 32 * 1024 * 1024;
/** A request that names a snapshot and carries the view's state: a few kB. */
const SMALL_BODY = 16 * 1024;
const raw = () => (data: unknown) => JSON.stringify(data);

export const snapshotRoutes: FastifyPluginAsync<RouteContext & { snapshots: SnapshotRepository }> = async (
  app,
  ctx,
) => {
  const { snapshots } = ctx;
  // A snapshot is a source (`snapshot:<id>`): Connect and the check run the same services as on a live account.
  const sourceOf = (id: string): string => `snapshot:${id}`;
  const regionOf = async (id: string): Promise<string> => (await snapshots.snapshotMeta(id)).region;

  app.post<{ Body: CreateSnapshotRequest }>(
    "/api/snapshots",
    {
      bodyLimit: SMALL_BODY,
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
        await snapshots.createSnapshot({
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
    async () => ({ snapshots: await snapshots.listSnapshots() }),
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
    async (request) => snapshots.getSnapshot(request.params.id),
  );

  app.patch<{ Params: IdParams; Body: RenameRequest }>(
    "/api/snapshots/:id",
    {
      bodyLimit: SMALL_BODY,
      schema: {
        tags: ["snapshots"],
        summary: "Rename a snapshot",
        params: IdParams,
        body: RenameRequest,
        response: { 200: SnapshotMeta, ...errors },
      },
    },
    async (request) => snapshots.renameSnapshot(request.params.id, request.body.name),
  );

  app.delete<{ Params: IdParams }>(
    "/api/snapshots/:id",
    { schema: { tags: ["snapshots"], summary: "Delete a snapshot", params: IdParams, response: errors } },
    async (request, reply) => {
      await snapshots.deleteSnapshot(request.params.id);
      ctx.topology.forget(sourceOf(request.params.id));
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
      const { meta, topology } = await snapshots.getSnapshot(request.params.id);
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

  // Opening a file: the JSON body is read as text so a bad file gets words, not a parser's stack; other
  // content types (text/plain, forms) are refused with 415.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      "application/json",
      { parseAs: "string", bodyLimit: SNAPSHOT_FILE_LIMIT },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      "/api/snapshots/import",
      {
        bodyLimit: SNAPSHOT_FILE_LIMIT,
        schema: {
          tags: ["snapshots"],
          summary: "Open a snapshot file (its JSON as the body)",
          response: { 201: SnapshotMeta, ...errors },
        },
      },
      async (request, reply) => {
        const file = parseSnapshotFile(typeof request.body === "string" ? request.body : "");
        return reply.status(201).send(
          await snapshots.createSnapshot({
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
    async (request) => {
      const { id } = request.params;
      return ctx.connect.answer(sourceOf(id), await regionOf(id), request.query.from, request.query.to);
    },
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
    async (request) => {
      const { id } = request.params;
      return analyzeConnectivity(await ctx.topology.index(sourceOf(id), await regionOf(id)), request.body);
    },
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
      const { meta, topology } = await snapshots.getSnapshot(request.params.id);
      // The emulator's own account: the snapshot's account id names another (real) account.
      const { accountId: _account, ...document } = topologyToScenario(topology, `snapshot-${meta.id}`);
      const loaded = await loadScenarioDocument(ctx.emulatorUrl, document);
      if (!loaded.ok)
        throw new AppError("VALIDATION", `The emulator could not reproduce this snapshot: ${loaded.message}.`, {
          field: "id",
        });
      ctx.topology.invalidate("emulator", topology.region);
      const state = new URLSearchParams(meta.state);
      state.set("source", "emulator");
      state.set("region", topology.region);
      return { source: "emulator", region: topology.region, url: `/?${state.toString()}`, scenario: document.name };
    },
  );
};
