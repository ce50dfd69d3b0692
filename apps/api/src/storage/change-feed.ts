/**
 * Changes made through one replica, told to the others: PostgreSQL LISTEN/NOTIFY on one channel. Each
 * replica publishes `{ source, region, slices }` after a change it made (and invalidated locally), and every
 * other replica listening on the same database marks its cached topology of that source and region out of
 * date, so its next /api/topology reads AWS again: only the slices the change touched (topology/slices.ts), or
 * everything when the payload names none (a replica of an earlier version) or one it does not know. A replica
 * ignores its own notifications (it invalidated already).
 * The listening connection is dedicated; when it drops, it reconnects and reports `{ source: "*" }`
 * (notifications may have been missed meanwhile: everything cached is out of date).
 */
import { randomUUID } from "node:crypto";
import pg from "pg";

export const CHANGE_CHANNEL = "atlas_changes";

export interface Change {
  /** A source id, or "*" for every source (a listener that may have missed changes). */
  source: string;
  region: string;
  /** What the change touched (topology/slices.ts); absent: everything. */
  slices?: string[] | undefined;
}

export interface ChangeFeed {
  publish(change: Change): Promise<void>;
  /** Changes made by other replicas; returns the unsubscribe function. */
  subscribe(handler: (change: Change) => void): () => void;
  close(): Promise<void>;
}

/** A feed for one process alone (SQLite, or no database): nothing to tell. */
export function localChangeFeed(): ChangeFeed {
  return { publish: async () => undefined, subscribe: () => () => undefined, close: async () => undefined };
}

interface Payload extends Change {
  origin: string;
}

export async function openPostgresChangeFeed(
  connectionString: string,
  options: { publishWith?: pg.Pool; reconnectMs?: number } = {},
): Promise<ChangeFeed> {
  const origin = randomUUID();
  const handlers = new Set<(change: Change) => void>();
  const ownPool = options.publishWith ? undefined : new pg.Pool({ connectionString, max: 2 });
  ownPool?.on("error", () => undefined);
  const publisher = options.publishWith ?? ownPool!;
  let listener: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const deliver = (change: Change) => {
    for (const handler of handlers) handler(change);
  };
  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
    client.on("notification", (message) => {
      if (message.channel !== CHANGE_CHANNEL || !message.payload) return;
      let payload: Payload;
      try {
        payload = JSON.parse(message.payload) as Payload;
      } catch {
        return;
      }
      if (payload.origin === origin || typeof payload.source !== "string" || typeof payload.region !== "string") return;
      const slices =
        Array.isArray(payload.slices) && payload.slices.every((s) => typeof s === "string")
          ? { slices: payload.slices }
          : {};
      deliver({ source: payload.source, region: payload.region, ...slices });
    });
    const lost = () => {
      if (listener !== client) return;
      listener = undefined;
      client.end().catch(() => undefined);
      if (!closed) schedule();
    };
    client.on("error", lost);
    client.on("end", lost);
    await client.connect();
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    listener = client;
  };
  const schedule = () => {
    retry = setTimeout(() => {
      connect()
        .then(() => deliver({ source: "*", region: "*" }))
        .catch(() => {
          if (!closed) schedule();
        });
    }, options.reconnectMs ?? 1000);
    retry.unref();
  };

  await connect();
  return {
    async publish(change) {
      const payload: Payload = { ...change, origin };
      await publisher.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, JSON.stringify(payload)]);
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => undefined);
      await ownPool?.end().catch(() => undefined);
    },
  };
}
