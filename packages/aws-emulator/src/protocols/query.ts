/**
 * The two form-encoded protocols: `ec2` (EC2) and `awsQuery` (RDS, STS).
 * Requests are decoded and responses encoded by walking the SDK schema, so
 * element names, list wrappers and flattening follow the model exactly.
 */
import { escapeXml, element, XML_DECLARATION } from "../core/xml.js";
import type { AwsError } from "../core/errors.js";
import type { NormalizedSchema } from "./model.js";

export type QueryFlavor = "ec2" | "awsQuery";

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function inputKey(member: NormalizedSchema, memberName: string, flavor: QueryFlavor): string {
  const traits = member.getMergedTraits() as { ec2QueryName?: string; xmlName?: string };
  if (flavor === "ec2") {
    if (traits.ec2QueryName) return traits.ec2QueryName;
    return capitalize(traits.xmlName ?? memberName);
  }
  return traits.xmlName ?? memberName;
}

interface FormParams {
  values: Map<string, string>;
  prefixes: Set<string>;
}

export function parseForm(body: string): FormParams {
  const values = new Map<string, string>();
  const prefixes = new Set<string>();
  for (const [key, value] of new URLSearchParams(body)) {
    values.set(key, value);
    const parts = key.split(".");
    for (let i = 1; i <= parts.length; i++) prefixes.add(parts.slice(0, i).join("."));
  }
  return { values, prefixes };
}

function decodeScalar(schema: NormalizedSchema, raw: string): unknown {
  if (schema.isBooleanSchema()) return raw === "true";
  if (schema.isNumericSchema()) return Number(raw);
  return raw;
}

function decodeValue(schema: NormalizedSchema, key: string, form: FormParams, flavor: QueryFlavor): unknown {
  if (!form.prefixes.has(key)) return undefined;
  if (schema.isStructSchema() || schema.isUnionSchema()) {
    return decodeStruct(schema, `${key}.`, form, flavor);
  }
  if (schema.isListSchema()) {
    const item = schema.getValueSchema();
    const traits = schema.getMergedTraits() as { xmlFlattened?: number };
    const itemName = (item.getMergedTraits() as { xmlName?: string }).xmlName ?? "member";
    const base = flavor === "ec2" || traits.xmlFlattened ? key : `${key}.${itemName}`;
    const items: unknown[] = [];
    for (let i = 1; form.prefixes.has(`${base}.${i}`); i++) {
      items.push(decodeValue(item, `${base}.${i}`, form, flavor));
    }
    return items;
  }
  if (schema.isMapSchema()) return undefined;
  const raw = form.values.get(key);
  return raw === undefined ? undefined : decodeScalar(schema, raw);
}

function decodeStruct(
  schema: NormalizedSchema,
  prefix: string,
  form: FormParams,
  flavor: QueryFlavor,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, member] of schema.structIterator()) {
    const value = decodeValue(member, prefix + inputKey(member, name, flavor), form, flavor);
    if (value !== undefined) result[name] = value;
  }
  return result;
}

/** Form body → SDK-shaped input object (member names as in the SDK types). */
export function decodeQueryInput(
  schema: NormalizedSchema,
  form: FormParams,
  flavor: QueryFlavor,
): Record<string, unknown> {
  return decodeStruct(schema, "", form, flavor);
}

/**
 * How to write one structure: its members with their element names and kinds,
 * worked out once per schema (walking NormalizedSchema for every value of a
 * thousand-item page costs more than the rest of the request).
 */
type ValuePlan = { kind: "struct"; schema: NormalizedSchema } | { kind: "timestamp" } | { kind: "scalar" };

type MemberPlan = { name: string; open: string; close: string } & (
  | { kind: "list"; item: ValuePlan; itemOpen: string; itemClose: string }
  | { kind: "map" }
  | { kind: "value"; value: ValuePlan }
);

/** By the schema's static definition: an array for structures, a primitive for the unit (empty) output. */
const structPlans = new Map<unknown, Map<QueryFlavor, MemberPlan[]>>();

function valuePlan(schema: NormalizedSchema): ValuePlan {
  if (schema.isStructSchema() || schema.isUnionSchema()) return { kind: "struct", schema };
  return schema.isTimestampSchema() ? { kind: "timestamp" } : { kind: "scalar" };
}

function structPlan(schema: NormalizedSchema, flavor: QueryFlavor): MemberPlan[] {
  const raw: unknown = schema.getSchema();
  let byFlavor = structPlans.get(raw);
  const cached = byFlavor?.get(flavor);
  if (cached) return cached;
  const plan: MemberPlan[] = [];
  for (const [name, member] of schema.structIterator()) {
    const traits = member.getMergedTraits() as { xmlName?: string; xmlFlattened?: number };
    const elementName = traits.xmlName ?? name;
    if (member.isListSchema()) {
      const item = member.getValueSchema();
      const itemName =
        (item.getMergedTraits() as { xmlName?: string }).xmlName ?? (flavor === "ec2" ? "item" : "member");
      // A flattened list repeats the member's own element per item, with no wrapper.
      const [open, close, itemOpen, itemClose] = traits.xmlFlattened
        ? ["", "", `<${elementName}>`, `</${elementName}>`]
        : [`<${elementName}>`, `</${elementName}>`, `<${itemName}>`, `</${itemName}>`];
      plan.push({ name, open, close, kind: "list", item: valuePlan(item), itemOpen, itemClose });
    } else if (member.isMapSchema()) {
      plan.push({ name, open: `<${elementName}>`, close: `</${elementName}>`, kind: "map" });
    } else {
      plan.push({
        name,
        open: `<${elementName}>`,
        close: `</${elementName}>`,
        kind: "value",
        value: valuePlan(member),
      });
    }
  }
  if (!byFlavor) {
    byFlavor = new Map();
    structPlans.set(raw, byFlavor);
  }
  byFlavor.set(flavor, plan);
  return plan;
}

/**
 * The XML written so far. Appending to one string (V8 keeps it as a rope until it
 * is written out) is the cheapest way found to build a megabyte page of items.
 */
interface XmlOut {
  xml: string;
}

/** Appends the XML of `value` to `out`. */
function writeValue(plan: ValuePlan, value: unknown, flavor: QueryFlavor, out: XmlOut): void {
  if (plan.kind === "struct") writeStruct(plan.schema, value as Record<string, unknown>, flavor, out);
  else if (plan.kind === "timestamp")
    out.xml += (value instanceof Date ? value : new Date(String(value))).toISOString();
  else out.xml += escapeXml(String(value));
}

function writeStruct(schema: NormalizedSchema, value: Record<string, unknown>, flavor: QueryFlavor, out: XmlOut): void {
  for (const member of structPlan(schema, flavor)) {
    const memberValue = value[member.name];
    if (memberValue === undefined || memberValue === null) continue;
    out.xml += member.open;
    if (member.kind === "list") {
      for (const entry of memberValue as unknown[]) {
        out.xml += member.itemOpen;
        writeValue(member.item, entry, flavor, out);
        out.xml += member.itemClose;
      }
    } else if (member.kind === "map") {
      for (const [k, v] of Object.entries(memberValue as Record<string, unknown>)) {
        out.xml += element("entry", element("key", escapeXml(k)) + element("value", escapeXml(String(v))));
      }
    } else {
      writeValue(member.value, memberValue, flavor, out);
    }
    out.xml += member.close;
  }
}

function encodeStruct(schema: NormalizedSchema, value: Record<string, unknown>, flavor: QueryFlavor): string {
  const out: XmlOut = { xml: "" };
  writeStruct(schema, value, flavor, out);
  return out.xml;
}

const NAMESPACES: Record<string, string> = {
  ec2: "http://ec2.amazonaws.com/doc/2016-11-15/",
  rds: "http://rds.amazonaws.com/doc/2014-10-31/",
  sts: "https://sts.amazonaws.com/doc/2011-06-15/",
};

export function encodeQuerySuccess(
  service: string,
  flavor: QueryFlavor,
  action: string,
  schema: NormalizedSchema,
  output: Record<string, unknown>,
  requestId: string,
): string {
  const body = encodeStruct(schema, output, flavor);
  const ns = NAMESPACES[service] ?? "";
  if (flavor === "ec2") {
    return `${XML_DECLARATION}<${action}Response xmlns="${ns}"><requestId>${requestId}</requestId>${body}</${action}Response>`;
  }
  return (
    `${XML_DECLARATION}<${action}Response xmlns="${ns}"><${action}Result>${body}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

export function encodeQueryError(service: string, flavor: QueryFlavor, error: AwsError, requestId: string): string {
  const code = escapeXml(error.code);
  const message = escapeXml(error.message);
  if (flavor === "ec2") {
    return `${XML_DECLARATION}<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`;
  }
  const ns = NAMESPACES[service] ?? "";
  return (
    `${XML_DECLARATION}<ErrorResponse xmlns="${ns}"><Error><Type>${error.type}</Type><Code>${code}</Code>` +
    `<Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
