/**
 * Reading a snapshot file someone hands us: clear words for what is wrong with it, never a 500. Sizes
 * and depth are checked before anything walks the value: a 60 MB name or JSON nested ten thousand deep
 * is refused naming what is wrong, not stored (or overflowing a stack and passing for a storage error).
 */
import { SNAPSHOT_FORMAT, SnapshotFile, type Topology } from "@lattice-atlas/shared";
import { Check, Errors } from "typebox/value";
import { AppError } from "../errors.js";

/** The same limits as a snapshot taken in the console (CreateSnapshotRequest). */
export const SNAPSHOT_LIMITS = { name: 120, state: 4000, depth: 64 } as const;

/** How deep arrays and objects nest in a JSON text (strings skipped), stopping early past `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

const tooLarge = (field: "name" | "state", length: number, limit: number): AppError =>
  new AppError(
    "PAYLOAD_TOO_LARGE",
    `This snapshot's ${field} is ${length.toLocaleString("en")} characters; at most ${limit} are accepted.`,
    {
      field,
      hint: `Shorten the ${field} in the file (a snapshot taken in the console always fits), then open it again.`,
    },
  );

const invalid = (
  message: string,
  hint = "Download the snapshot again from the console that took it (Snapshots → Download).",
): AppError => new AppError("VALIDATION", message, { field: "file", hint });

export function parseSnapshotFile(text: string): SnapshotFile {
  if (jsonDepthExceeds(text, SNAPSHOT_LIMITS.depth))
    throw invalid(
      `This file nests deeper than ${SNAPSHOT_LIMITS.depth} levels; a snapshot file never does.`,
      "It is not a Lattice Atlas snapshot, or it was altered: download it again from the console that took it.",
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(
      `This file is not JSON (${error instanceof Error ? error.message.slice(0, 120) : "parse error"}); a snapshot file is the JSON a snapshot download gives.`,
    );
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw invalid("This file is JSON but not a Lattice Atlas snapshot (it is not an object).");
  const file = value as { format?: unknown; version?: unknown };
  if (file.format !== SNAPSHOT_FORMAT) {
    throw invalid(
      `This JSON is not a Lattice Atlas snapshot: its "format" is ${JSON.stringify(file.format ?? null)}, not "${SNAPSHOT_FORMAT}".`,
    );
  }
  if (file.version !== 1) {
    throw invalid(
      `This snapshot has version ${JSON.stringify(file.version)}; this Lattice Atlas reads version 1.`,
      "Open it with the Lattice Atlas version that wrote it.",
    );
  }
  const { name, state } = value as { name?: unknown; state?: unknown };
  if (typeof name === "string" && name.length > SNAPSHOT_LIMITS.name)
    throw tooLarge("name", name.length, SNAPSHOT_LIMITS.name);
  if (typeof state === "string" && state.length > SNAPSHOT_LIMITS.state)
    throw tooLarge("state", state.length, SNAPSHOT_LIMITS.state);
  if (!Check(SnapshotFile, value)) {
    const first = Errors(SnapshotFile, value)[0];
    const where = first?.instancePath ? first.instancePath.replace(/^\//, "").replace(/\//g, ".") : "the file";
    throw invalid(`This snapshot is damaged: ${where} ${first?.message ?? "does not match the snapshot format"}.`);
  }
  const snapshot = value as SnapshotFile;
  assertConsistent(snapshot.topology);
  return snapshot;
}

/** Every edge joins two nodes of the file, and ids are unique. */
function assertConsistent(topology: Topology): void {
  const ids = new Set<string>();
  for (const node of topology.nodes) {
    if (ids.has(node.id)) throw invalid(`This snapshot is damaged: node ${node.id} appears twice.`);
    ids.add(node.id);
  }
  for (const edge of topology.edges) {
    if (!ids.has(edge.source) || !ids.has(edge.target)) {
      throw invalid(
        `This snapshot is damaged: edge ${edge.id} joins ${!ids.has(edge.source) ? edge.source : edge.target}, which is not in it.`,
      );
    }
  }
}
