/** Which account view a query is about: a source and a region, both resolved (never "the default"). */
export interface SourceTarget {
  source: string;
  region: string;
}
