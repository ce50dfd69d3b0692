/**
 * restJson1 (VPC Lattice, Lambda): routes compiled from the SDK's HTTP bindings,
 * inputs assembled from path labels, query string, headers and JSON body.
 */
import { AwsError } from "../core/errors.js";
import { encodeTimestamp, type NormalizedSchema, type OperationModel } from "./model.js";

interface CompiledRoute {
  operation: OperationModel;
  method: string;
  segments: Array<{ literal: string } | { label: string; greedy: boolean }>;
  requiredQuery: Array<[string, string]>;
  literalCount: number;
}

export interface RouteMatch {
  operation: OperationModel;
  labels: Record<string, string>;
}

export class RestJsonRouter {
  private readonly routes: CompiledRoute[] = [];

  constructor(operations: Iterable<OperationModel>) {
    for (const operation of operations) {
      if (!operation.http) continue;
      const [pathPart, queryPart] = operation.http.uri.split("?");
      const segments = (pathPart ?? "")
        .split("/")
        .filter(Boolean)
        .map((segment) => {
          const label = /^\{([^}]+?)(\+)?\}$/.exec(segment);
          return label ? { label: label[1]!, greedy: Boolean(label[2]) } : { literal: segment };
        });
      const requiredQuery = [...new URLSearchParams(queryPart ?? "")] as Array<[string, string]>;
      this.routes.push({
        operation,
        method: operation.http.method,
        segments,
        requiredQuery,
        literalCount: segments.filter((s) => "literal" in s).length,
      });
    }
    // Prefer the most specific template when several could match.
    this.routes.sort((a, b) => b.literalCount - a.literalCount || b.segments.length - a.segments.length);
  }

  match(method: string, rawPath: string, query: URLSearchParams): RouteMatch | undefined {
    // Split the raw path before decoding: labels are percent-encoded ARNs with "/" inside.
    const parts = rawPath.split("/").filter(Boolean);
    for (const route of this.routes) {
      if (route.method !== method) continue;
      if (!route.requiredQuery.every(([k, v]) => query.get(k) === v || (v === "" && query.has(k)))) {
        continue;
      }
      const labels = matchSegments(route.segments, parts);
      if (labels) return { operation: route.operation, labels };
    }
    return undefined;
  }

  /** True when some route has this path, under any method. */
  hasPath(rawPath: string): boolean {
    const parts = rawPath.split("/").filter(Boolean);
    return this.routes.some((route) => matchSegments(route.segments, parts) !== undefined);
  }
}

function matchSegments(segments: CompiledRoute["segments"], parts: string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  let i = 0;
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s]!;
    if ("literal" in segment) {
      if (parts[i] !== segment.literal) return undefined;
      i++;
    } else if (segment.greedy) {
      const rest = parts.slice(i, parts.length - (segments.length - s - 1));
      if (rest.length === 0) return undefined;
      labels[segment.label] = rest.map(safeDecode).join("/");
      i += rest.length;
    } else {
      if (parts[i] === undefined) return undefined;
      labels[segment.label] = safeDecode(parts[i]!);
      i++;
    }
  }
  return i === parts.length ? labels : undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function coerceText(schema: NormalizedSchema, raw: string): unknown {
  if (schema.isBooleanSchema()) return raw === "true";
  if (schema.isNumericSchema()) return Number(raw);
  return raw;
}

export function decodeRestJsonInput(
  operation: OperationModel,
  labels: Record<string, string>,
  query: URLSearchParams,
  headers: Record<string, string | string[] | undefined>,
  body: string,
): Record<string, unknown> {
  let parsed: Record<string, unknown> = {};
  if (body.trim().length > 0) {
    try {
      const value: unknown = JSON.parse(body);
      if (value && typeof value === "object" && !Array.isArray(value)) {
        parsed = value as Record<string, unknown>;
      } else {
        throw new Error("not an object");
      }
    } catch {
      throw new AwsError({
        code: "ValidationException",
        status: 400,
        message: "Could not parse the request body as a JSON object.",
        fields: { reason: "cannotParse" },
      });
    }
  }
  const input: Record<string, unknown> = {};
  for (const [name, member] of operation.input.structIterator()) {
    const traits = member.getMergedTraits() as {
      httpLabel?: number;
      httpQuery?: string;
      httpHeader?: string;
      httpPayload?: number;
      jsonName?: string;
    };
    if (traits.httpLabel) {
      if (labels[name] !== undefined) input[name] = coerceText(member, labels[name]);
    } else if (traits.httpQuery) {
      if (member.isListSchema()) {
        const values = query.getAll(traits.httpQuery);
        if (values.length > 0) input[name] = values.map((v) => coerceText(member.getValueSchema(), v));
      } else {
        const value = query.get(traits.httpQuery);
        if (value !== null) input[name] = coerceText(member, value);
      }
    } else if (traits.httpHeader) {
      const value = headers[traits.httpHeader.toLowerCase()];
      if (typeof value === "string") input[name] = coerceText(member, value);
    } else if (traits.httpPayload) {
      if (Object.keys(parsed).length > 0) input[name] = parsed;
    } else {
      const key = traits.jsonName ?? name;
      if (parsed[key] !== undefined && parsed[key] !== null) input[name] = parsed[key];
    }
  }
  return input;
}

export interface EncodedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Writes only modelled members, so internal bookkeeping fields never reach the wire. */
function encodeJsonValue(schema: NormalizedSchema, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (schema.isTimestampSchema()) return encodeTimestamp(schema, value, 7);
  if (schema.isListSchema()) {
    const item = schema.getValueSchema();
    return (value as unknown[]).map((entry) => encodeJsonValue(item, entry));
  }
  if (schema.isMapSchema()) {
    const item = schema.getValueSchema();
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, encodeJsonValue(item, v)]),
    );
  }
  if (schema.isStructSchema() || schema.isUnionSchema()) {
    const out: Record<string, unknown> = {};
    const record = value as Record<string, unknown>;
    for (const [name, member] of schema.structIterator()) {
      const encoded = encodeJsonValue(member, record[name]);
      if (encoded !== undefined) {
        const traits = member.getMergedTraits() as { jsonName?: string };
        out[traits.jsonName ?? name] = encoded;
      }
    }
    return out;
  }
  if (schema.isDocumentSchema()) return value;
  return value;
}

export function encodeRestJsonSuccess(
  operation: OperationModel,
  output: Record<string, unknown> | undefined,
): EncodedResponse {
  const status = operation.http?.code ?? 200;
  const headers: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  const value = output ?? {};
  for (const [name, member] of operation.output.structIterator()) {
    const memberValue = value[name];
    if (memberValue === undefined || memberValue === null) continue;
    const traits = member.getMergedTraits() as { httpHeader?: string; jsonName?: string };
    if (traits.httpHeader) headers[traits.httpHeader] = String(memberValue);
    else body[traits.jsonName ?? name] = encodeJsonValue(member, memberValue);
  }
  if (status === 204) return { status, headers, body: "" };
  headers["content-type"] = "application/json";
  return { status, headers, body: JSON.stringify(body) };
}

export function encodeRestJsonError(error: AwsError, service: string): EncodedResponse {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-amzn-errortype": error.code,
  };
  if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.retryAfterSeconds);
  const body: Record<string, unknown> = { message: error.message, ...error.fields };
  if (service === "lambda") {
    body.Type = error.type === "Receiver" ? "Service" : "User";
    body.Message = error.message;
  }
  return { status: error.status, headers, body: JSON.stringify(body) };
}
