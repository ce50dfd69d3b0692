/**
 * The enums of the installed SDK models, and a check that a response uses only
 * their values. The compiled schemas carry no enum traits, so the enums come
 * from the clients' type declarations: `models/enums.d.ts` declares each enum's
 * values, `models/models_*.d.ts` which structure member has which enum type.
 * Responses are walked along the operation's output schema, so every nested
 * structure is checked under its own shape name.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { NormalizedSchema } from "@smithy/core/schema";

export interface EnumModel {
  /** Enum name → its values. */
  enums: Map<string, Set<string>>;
  /** Structure name → member name → enum name. */
  members: Map<string, Map<string, string>>;
}

export interface EnumViolation {
  path: string;
  value: string;
  enumName: string;
  allowed: string[];
}

const require = createRequire(import.meta.url);

/** Reads the enum model of an installed `@aws-sdk/client-*` package. */
export function enumModel(packageName: string): EnumModel {
  const entry = require.resolve(packageName);
  const root = entry.slice(0, entry.lastIndexOf("/dist-cjs/"));
  const modelsDir = join(root, "dist-types", "models");
  const enums = new Map<string, Set<string>>();
  const enumText = readFileSync(join(modelsDir, "enums.d.ts"), "utf8");
  for (const block of enumText.matchAll(/export declare const (\w+): \{([^}]*)\};/g)) {
    const values = [...block[2]!.matchAll(/readonly \w+: "([^"]*)";/g)].map((m) => m[1]!);
    if (values.length > 0) enums.set(block[1]!, new Set(values));
  }
  const members = new Map<string, Map<string, string>>();
  for (const file of readdirSync(modelsDir).filter((f) => /^models_\d+\.d\.ts$/.test(f))) {
    const text = readFileSync(join(modelsDir, file), "utf8");
    for (const block of text.matchAll(/export interface (\w+) \{([\s\S]*?)\n\}/g)) {
      const fields = new Map<string, string>();
      for (const member of block[2]!.matchAll(/^ {4}(\w+)\??: (\w+)(?:\[\])?(?: \| undefined)?;$/gm)) {
        if (enums.has(member[2]!)) fields.set(member[1]!, member[2]!);
      }
      if (fields.size > 0) members.set(block[1]!, fields);
    }
  }
  return { enums, members };
}

/** The output schema of an operation of a client module (`require("@aws-sdk/client-x")`). */
export function outputSchema(clientModule: Record<string, unknown>, operation: string): NormalizedSchema {
  const raw = clientModule[`${operation}$`] as unknown[] | undefined;
  if (!Array.isArray(raw)) throw new Error(`no operation ${operation} in this client`);
  return NormalizedSchema.of(raw[5] as never);
}

/**
 * The members of `value` whose enum type does not list their value; `seen`
 * collects the enum names met (to show that a walk covered something).
 */
export function enumViolations(
  model: EnumModel,
  schema: NormalizedSchema,
  value: unknown,
  path = "",
  seen: Set<string> = new Set(),
): EnumViolation[] {
  if (value === undefined || value === null) return [];
  const out: EnumViolation[] = [];
  if (schema.isListSchema()) {
    const item = schema.getValueSchema();
    (value as unknown[]).forEach((entry, i) => out.push(...enumViolations(model, item, entry, `${path}[${i}]`, seen)));
    return out;
  }
  if (schema.isMapSchema()) {
    const item = schema.getValueSchema();
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      out.push(...enumViolations(model, item, entry, `${path}.${key}`, seen));
    }
    return out;
  }
  if (!schema.isStructSchema() && !schema.isUnionSchema()) return out;
  const fields = model.members.get(schema.getName() ?? "");
  const record = value as Record<string, unknown>;
  for (const [name, member] of schema.structIterator()) {
    const memberValue = record[name];
    if (memberValue === undefined || memberValue === null) continue;
    const at = path ? `${path}.${name}` : name;
    const enumName = fields?.get(name);
    if (enumName) {
      seen.add(enumName);
      const allowed = model.enums.get(enumName)!;
      for (const entry of Array.isArray(memberValue) ? memberValue : [memberValue]) {
        if (!allowed.has(String(entry))) out.push({ path: at, value: String(entry), enumName, allowed: [...allowed] });
      }
      continue;
    }
    out.push(...enumViolations(model, member, memberValue, at, seen));
  }
  return out;
}
