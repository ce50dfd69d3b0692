/**
 * Saved views: a named URL state with a short link /v/<id> (the console
 * resolves it). Stored in SQLite; survives restarts; concurrent saves each get a row.
 */
import { ApiErrorBody, CreateViewRequest, IdParams, RenameRequest, SavedView, ViewList } from "@lattice-atlas/shared";
import type { FastifyPluginAsync } from "fastify";
import type { ViewRepository } from "../storage/stores.js";

const errors = { 400: ApiErrorBody, 404: ApiErrorBody, 413: ApiErrorBody, 415: ApiErrorBody, 503: ApiErrorBody };
/** A name and the console's URL state: a few kB at most. */
const SMALL_BODY = 16 * 1024;

export const viewRoutes: FastifyPluginAsync<{ views: ViewRepository }> = async (app, { views }) => {
  app.post<{ Body: CreateViewRequest }>(
    "/api/views",
    {
      bodyLimit: SMALL_BODY,
      schema: {
        tags: ["views"],
        summary: "Save the current view (its URL state) under a name",
        body: CreateViewRequest,
        response: { 201: SavedView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await views.createView(request.body.name, request.body.state.replace(/^\?/, ""))),
  );
  app.get(
    "/api/views",
    {
      schema: {
        tags: ["views"],
        summary: "Saved views, most recently changed first",
        response: { 200: ViewList, ...errors },
      },
    },
    async () => ({ views: await views.listViews() }),
  );
  app.get<{ Params: IdParams }>(
    "/api/views/:id",
    {
      schema: { tags: ["views"], summary: "One saved view", params: IdParams, response: { 200: SavedView, ...errors } },
    },
    async (request) => views.getView(request.params.id),
  );
  app.patch<{ Params: IdParams; Body: RenameRequest }>(
    "/api/views/:id",
    {
      bodyLimit: SMALL_BODY,
      schema: {
        tags: ["views"],
        summary: "Rename a saved view",
        params: IdParams,
        body: RenameRequest,
        response: { 200: SavedView, ...errors },
      },
    },
    async (request) => views.renameView(request.params.id, request.body.name),
  );
  app.delete<{ Params: IdParams }>(
    "/api/views/:id",
    { schema: { tags: ["views"], summary: "Delete a saved view", params: IdParams, response: errors } },
    async (request, reply) => {
      await views.deleteView(request.params.id);
      return reply.status(204).send();
    },
  );
};
