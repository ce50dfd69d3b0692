/**
 * What lasts: saved views (a named URL state, short link /v/<id>) and
 * snapshots (a frozen topology and view, short link /s/<id>, browsable with no
 * AWS access, downloadable as a JSON file and openable again).
 */
import Type, { type Static } from "typebox";
import { Topology } from "./graph.js";
import { PATTERNS, SNAPSHOT_ID, VIEW_ID } from "./ids.js";

const Name = Type.String({ minLength: 1, maxLength: 120, pattern: "\\S", description: "A name people will recognise" });
/** The view state as the console's query string (without the leading "?"). */
const State = Type.String({
  maxLength: 4000,
  pattern: "^\\??[^?#]*$",
  description: "The console's URL query string, e.g. source=emulator&region=…&panel=connect&from=vpc-…",
});

export const SavedView = Type.Object({
  id: Type.String({ pattern: VIEW_ID }),
  name: Type.String(),
  state: Type.String(),
  url: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type SavedView = Static<typeof SavedView>;

export const CreateViewRequest = Type.Object({ name: Name, state: State }, { additionalProperties: false });
export type CreateViewRequest = Static<typeof CreateViewRequest>;
export const RenameRequest = Type.Object({ name: Name }, { additionalProperties: false });
export type RenameRequest = Static<typeof RenameRequest>;
export const ViewList = Type.Object({ views: Type.Array(SavedView) });
export type ViewList = Static<typeof ViewList>;
export const IdParams = Type.Object(
  { id: Type.String({ pattern: "^[sv][0-9a-z]{9}$" }) },
  { additionalProperties: false },
);
export type IdParams = Static<typeof IdParams>;

export const SnapshotMeta = Type.Object({
  id: Type.String({ pattern: SNAPSHOT_ID }),
  name: Type.String(),
  url: Type.String(),
  takenAt: Type.String(),
  source: Type.Object({ id: Type.String(), kind: Type.String(), label: Type.String() }),
  accountId: Type.String(),
  region: Type.String(),
  state: Type.String(),
  nodes: Type.Integer(),
  edges: Type.Integer(),
  bytes: Type.Integer(),
});
export type SnapshotMeta = Static<typeof SnapshotMeta>;

export const SnapshotList = Type.Object({ snapshots: Type.Array(SnapshotMeta) });
export type SnapshotList = Static<typeof SnapshotList>;

export const CreateSnapshotRequest = Type.Object(
  {
    source: Type.Optional(Type.String({ pattern: PATTERNS.sourceId })),
    region: Type.Optional(Type.String({ pattern: PATTERNS.region })),
    name: Type.Optional(Name),
    state: State,
  },
  { additionalProperties: false },
);
export type CreateSnapshotRequest = Static<typeof CreateSnapshotRequest>;

export const SNAPSHOT_FORMAT = "lattice-atlas-snapshot";

/** The downloadable file: everything needed to browse the topology again, anywhere. */
export const SnapshotFile = Type.Object({
  format: Type.Literal(SNAPSHOT_FORMAT),
  version: Type.Literal(1),
  name: Type.String(),
  takenAt: Type.String(),
  state: Type.String(),
  topology: Topology,
});
export type SnapshotFile = Static<typeof SnapshotFile>;

export const Snapshot = Type.Object({ meta: SnapshotMeta, topology: Topology });
export type Snapshot = Static<typeof Snapshot>;
