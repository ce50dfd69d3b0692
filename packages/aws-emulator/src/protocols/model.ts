/**
 * Operation models read from the installed AWS SDK v3 clients. The clients ship
 * their Smithy schemas (HTTP bindings, member names, XML names, required members),
 * so routing and (de)serialisation are driven by the same model the SDK uses.
 */
import { NormalizedSchema } from "@smithy/core/schema";

export interface HttpBinding {
  method: string;
  uri: string;
  code: number;
}

export interface OperationModel {
  name: string;
  http: HttpBinding | undefined;
  input: NormalizedSchema;
  output: NormalizedSchema;
}

type RawOperation = [9, string, string, { http?: [string, string, number] } | 0, unknown, unknown];

function isRawOperation(value: unknown): value is RawOperation {
  return Array.isArray(value) && value[0] === 9 && typeof value[2] === "string";
}

/** Every operation schema exported by an SDK client module, by operation name. */
export function operationsOf(clientModule: Record<string, unknown>): Map<string, OperationModel> {
  const operations = new Map<string, OperationModel>();
  for (const [key, value] of Object.entries(clientModule)) {
    if (!key.endsWith("$") || !isRawOperation(value)) continue;
    const traits = value[3];
    const http = traits && traits.http ? traits.http : undefined;
    operations.set(value[2], {
      name: value[2],
      http: http ? { method: http[0], uri: http[1], code: http[2] } : undefined,
      input: NormalizedSchema.of(value[4] as never),
      output: NormalizedSchema.of(value[5] as never),
    });
  }
  return operations;
}

/** Names of the members a structure marks as required (the schema lists them first). */
export function requiredMembers(schema: NormalizedSchema): string[] {
  const raw = schema.getSchema() as unknown;
  if (!Array.isArray(raw) || raw[0] !== 3) return [];
  const names = raw[4] as string[];
  const count = typeof raw[6] === "number" ? raw[6] : 0;
  return names.slice(0, count);
}

export type { NormalizedSchema };

/**
 * A timestamp as the JSON protocols write it: the member's `timestampFormat`
 * trait when the model has one (Lattice: date-time), else the protocol default
 * (epoch seconds for restJson1 and awsJson1_1, as the SDK's codecs expect).
 */
export function encodeTimestamp(schema: NormalizedSchema, value: unknown, defaultFormat: 5 | 6 | 7): unknown {
  const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return value;
  const declared = schema.getSchema() as unknown;
  const format = declared === 5 || declared === 6 || declared === 7 ? declared : defaultFormat;
  if (format === 7) return date.getTime() / 1000;
  if (format === 6) return date.toUTCString();
  return date.toISOString();
}
