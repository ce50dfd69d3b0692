/** Which account view a query is about: a source and a region, both resolved (never "the default"). */
export interface SourceTarget {
  source: string;
  region: string;
  /**
   * A snapshot (/s/<id>): every read goes to /api/snapshots/<id>/… and nothing to AWS. Its `source` is
   * `snapshot:<id>` (see snapshotTarget), so that its query keys, pending changes and anything keyed by source
   * never meet the live source's, and a request that is not snapshot-aware fails (unknown source) instead of
   * quietly reading live AWS.
   */
  snapshot?: string | undefined;
}

/** The target of a snapshot taken in `region`. */
export function snapshotTarget(id: string, region: string): SourceTarget {
  return { source: `snapshot:${id}`, region, snapshot: id };
}
