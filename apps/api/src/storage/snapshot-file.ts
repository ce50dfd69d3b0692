/** Reading a snapshot file someone hands us: clear words for what is wrong with it, never a 500. */
import { SNAPSHOT_FORMAT, SnapshotFile, type Topology } from "@lattice-atlas/shared";
import { Check, Errors } from "typebox/value";
import { AppError } from "../errors.js";

const invalid = (
  message: string,
  hint = "Download the snapshot again from the console that took it (Snapshots → Download).",
): AppError => new AppError("VALIDATION", message, { field: "file", hint });

export function parseSnapshotFile(text: string): SnapshotFile {
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
