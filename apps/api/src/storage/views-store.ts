/**
 * Saved views and snapshots in their own SQLite file under the data folder
 * (so a problem with it never touches the audit log), with numbered
 * migrations. The file is opened on first use; if it cannot be opened or is
 * locked, every call answers STORAGE_UNAVAILABLE with what is wrong, the next
 * call tries again, and the rest of the console keeps working.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { SavedView, SnapshotMeta, Topology } from "@lattice-atlas/shared";
import Database from "better-sqlite3";
import { AppError } from "../errors.js";

export const VIEWS_FILE = "atlas-views.sqlite";

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE views (
     id          TEXT PRIMARY KEY,
     name        TEXT NOT NULL,
     state       TEXT NOT NULL,
     created_at  TEXT NOT NULL,
     updated_at  TEXT NOT NULL
   );
   CREATE TABLE snapshots (
     id          TEXT PRIMARY KEY,
     name        TEXT NOT NULL,
     taken_at    TEXT NOT NULL,
     source_id   TEXT NOT NULL,
     source_kind TEXT NOT NULL,
     source_label TEXT NOT NULL,
     account_id  TEXT NOT NULL,
     region      TEXT NOT NULL,
     state       TEXT NOT NULL,
     nodes       INTEGER NOT NULL,
     edges       INTEGER NOT NULL,
     bytes       INTEGER NOT NULL,
     topology    BLOB NOT NULL
   );
   CREATE INDEX snapshots_taken ON snapshots (taken_at);`,
];

function migrate(db: Database.Database): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new AppError(
      "STORAGE_UNAVAILABLE",
      `${VIEWS_FILE} was written by a newer Lattice Atlas (schema ${version}); this one knows ${MIGRATIONS.length}.`,
    );
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** `v` or `s` + 9 base-36 characters: short enough for a link, random enough not to guess. */
export function newId(prefix: "v" | "s"): string {
  const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
  return prefix + [...randomBytes(9)].map((b) => alphabet[b % 36]).join("");
}

interface ViewRow {
  id: string;
  name: string;
  state: string;
  created_at: string;
  updated_at: string;
}

interface SnapshotRow {
  id: string;
  name: string;
  taken_at: string;
  source_id: string;
  source_kind: string;
  source_label: string;
  account_id: string;
  region: string;
  state: string;
  nodes: number;
  edges: number;
  bytes: number;
  topology?: Buffer;
}

const toView = (row: ViewRow): SavedView => ({
  id: row.id,
  name: row.name,
  state: row.state,
  url: `/v/${row.id}`,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
const toMeta = (row: SnapshotRow): SnapshotMeta => ({
  id: row.id,
  name: row.name,
  url: `/s/${row.id}`,
  takenAt: row.taken_at,
  source: { id: row.source_id, kind: row.source_kind, label: row.source_label },
  accountId: row.account_id,
  region: row.region,
  state: row.state,
  nodes: row.nodes,
  edges: row.edges,
  bytes: row.bytes,
});

function storageError(error: unknown, file: string): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code ?? "";
  if (code === "SQLITE_BUSY" || /locked/i.test(message)) {
    return new AppError("STORAGE_UNAVAILABLE", `Saved views and snapshots are locked by another process (${file}).`, {
      hint: "Close the other Lattice Atlas using this data folder, or start this one with --data-dir <another folder>.",
    });
  }
  return new AppError("STORAGE_UNAVAILABLE", `Saved views and snapshots cannot be opened: ${message} (${file}).`, {
    hint: "Check the file and its folder's permissions, or start with --data-dir <another folder>.",
  });
}

function open(file: string) {
  const db = new Database(file, { timeout: 2000 });
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 2000");
  migrate(db);
  return {
    db,
    insertView: db.prepare(
      `INSERT INTO views (id, name, state, created_at, updated_at) VALUES (@id, @name, @state, @at, @at)`,
    ),
    listViews: db.prepare(`SELECT * FROM views ORDER BY updated_at DESC, id`),
    getView: db.prepare(`SELECT * FROM views WHERE id = ?`),
    renameView: db.prepare(`UPDATE views SET name = ?, updated_at = ? WHERE id = ?`),
    deleteView: db.prepare(`DELETE FROM views WHERE id = ?`),
    insertSnapshot: db.prepare(
      `INSERT INTO snapshots (id, name, taken_at, source_id, source_kind, source_label, account_id, region, state, nodes, edges, bytes, topology)
       VALUES (@id, @name, @takenAt, @sourceId, @sourceKind, @sourceLabel, @accountId, @region, @state, @nodes, @edges, @bytes, @topology)`,
    ),
    listSnapshots: db.prepare(
      `SELECT id, name, taken_at, source_id, source_kind, source_label, account_id, region, state, nodes, edges, bytes FROM snapshots ORDER BY taken_at DESC, id`,
    ),
    getSnapshot: db.prepare(`SELECT * FROM snapshots WHERE id = ?`),
    getSnapshotMeta: db.prepare(
      `SELECT id, name, taken_at, source_id, source_kind, source_label, account_id, region, state, nodes, edges, bytes FROM snapshots WHERE id = ?`,
    ),
    renameSnapshot: db.prepare(`UPDATE snapshots SET name = ? WHERE id = ?`),
    deleteSnapshot: db.prepare(`DELETE FROM snapshots WHERE id = ?`),
  };
}

export function openViewsStore(dataDir?: string) {
  const file = dataDir ? path.join(dataDir, VIEWS_FILE) : ":memory:";
  let handle: ReturnType<typeof open> | undefined;
  const connection = (): ReturnType<typeof open> => {
    if (handle) return handle;
    try {
      if (dataDir) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      handle = open(file);
      return handle;
    } catch (error) {
      throw storageError(error, file);
    }
  };
  /**
   * Runs `fn` on the open database; SQLite errors become STORAGE_UNAVAILABLE, never a 500. Only SQLite's:
   * anything else is a bug or bad input and must not pass for a storage problem.
   */
  const use = <T>(fn: (h: ReturnType<typeof open>) => T): T => {
    const h = connection();
    try {
      return fn(h);
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof Database.SqliteError || /^SQLITE_/.test(String((error as { code?: unknown }).code)))
        throw storageError(error, file);
      throw error;
    }
  };
  const notFound = (kind: string, id: string) =>
    new AppError("NOT_FOUND", `There is no saved ${kind} ${id}.`, {
      field: "id",
      hint:
        kind === "view"
          ? "It may have been deleted; the list of saved views shows what exists."
          : "It may have been deleted, or it lives in another data folder.",
    });

  return {
    file,
    createView(name: string, state: string): SavedView {
      return use((h) => {
        const at = new Date().toISOString();
        for (;;) {
          const id = newId("v");
          try {
            h.insertView.run({ id, name: name.trim(), state, at });
            return toView(h.getView.get(id) as ViewRow);
          } catch (error) {
            if ((error as { code?: string }).code !== "SQLITE_CONSTRAINT_PRIMARYKEY") throw error;
          }
        }
      });
    },
    listViews: (): SavedView[] => use((h) => (h.listViews.all() as ViewRow[]).map(toView)),
    getView(id: string): SavedView {
      const row = use((h) => h.getView.get(id) as ViewRow | undefined);
      if (!row) throw notFound("view", id);
      return toView(row);
    },
    renameView(id: string, name: string): SavedView {
      const changed = use((h) => h.renameView.run(name.trim(), new Date().toISOString(), id).changes);
      if (changed === 0) throw notFound("view", id);
      return this.getView(id);
    },
    deleteView(id: string): void {
      if (use((h) => h.deleteView.run(id).changes) === 0) throw notFound("view", id);
    },

    createSnapshot(input: { name: string; takenAt: string; state: string; topology: Topology }): SnapshotMeta {
      const json = Buffer.from(JSON.stringify(input.topology));
      const packed = gzipSync(json);
      return use((h) => {
        for (;;) {
          const id = newId("s");
          try {
            h.insertSnapshot.run({
              id,
              name: input.name.trim(),
              takenAt: input.takenAt,
              sourceId: input.topology.source.id,
              sourceKind: input.topology.source.kind,
              sourceLabel: input.topology.source.label,
              accountId: input.topology.accountId,
              region: input.topology.region,
              state: input.state,
              nodes: input.topology.nodes.length,
              edges: input.topology.edges.length,
              bytes: json.length,
              topology: packed,
            });
            const row = h.getSnapshot.get(id) as SnapshotRow;
            return toMeta(row);
          } catch (error) {
            if ((error as { code?: string }).code !== "SQLITE_CONSTRAINT_PRIMARYKEY") throw error;
          }
        }
      });
    },
    listSnapshots: (): SnapshotMeta[] => use((h) => (h.listSnapshots.all() as SnapshotRow[]).map(toMeta)),
    getSnapshot(id: string): { meta: SnapshotMeta; topology: Topology } {
      const row = use((h) => h.getSnapshot.get(id) as SnapshotRow | undefined);
      if (!row?.topology) throw notFound("snapshot", id);
      return { meta: toMeta(row), topology: JSON.parse(gunzipSync(row.topology).toString("utf8")) as Topology };
    },
    snapshotMeta(id: string): SnapshotMeta {
      const meta = use((h) => h.getSnapshotMeta.get(id) as SnapshotRow | undefined);
      if (!meta) throw notFound("snapshot", id);
      return toMeta(meta);
    },
    renameSnapshot(id: string, name: string): SnapshotMeta {
      if (use((h) => h.renameSnapshot.run(name.trim(), id).changes) === 0) throw notFound("snapshot", id);
      return this.snapshotMeta(id);
    },
    deleteSnapshot(id: string): void {
      if (use((h) => h.deleteSnapshot.run(id).changes) === 0) throw notFound("snapshot", id);
    },
    close(): void {
      handle?.db.close();
      handle = undefined;
    },
  };
}

export type ViewsStore = ReturnType<typeof openViewsStore>;
