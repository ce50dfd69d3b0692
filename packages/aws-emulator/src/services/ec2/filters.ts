/** EC2 `Filter.N.Name` / `Filter.N.Value.M` semantics: AND across filters, OR within one, `*`/`?` wildcards. */
import { invalidParameterValue } from "./errors.js";
import type { Tag } from "./state.js";

export interface Filter {
  Name?: string | undefined;
  Values?: string[] | undefined;
}

type Accessor<T> = (item: T) => string | string[] | boolean | number | undefined;

function glob(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`);
}

export function applyFilters<T>(
  items: T[],
  filters: Filter[] | undefined,
  accessors: Record<string, Accessor<T>>,
  tagsOf?: (item: T) => Tag[],
): T[] {
  if (!filters || filters.length === 0) return items;
  const predicates = filters.map((filter) => {
    const name = filter.Name ?? "";
    const patterns = (filter.Values ?? []).map(glob);
    let accessor: Accessor<T> | undefined = accessors[name];
    if (!accessor && tagsOf && name.startsWith("tag:")) {
      const key = name.slice(4);
      accessor = (item) => tagsOf(item).find((t) => t.Key === key)?.Value;
    }
    if (!accessor && tagsOf && name === "tag-key") accessor = (item) => tagsOf(item).map((t) => t.Key);
    if (!accessor) throw invalidParameterValue(`The filter '${name}' is invalid`);
    const get = accessor;
    return (item: T): boolean => {
      const raw = get(item);
      const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
      return values.some((v) => patterns.some((p) => p.test(v)));
    };
  });
  return items.filter((item) => predicates.every((p) => p(item)));
}
