/**
 * awsJson1_1 (AWS Organizations): `POST /` with `X-Amz-Target: <prefix>.<Operation>`
 * and a JSON body of the input members (member names as in the model, no
 * jsonName), answered with the output members; timestamps are epoch seconds
 * unless the model says otherwise; errors carry `__type` and `Message`.
 */
import { AwsError } from "../core/errors.js";
import type { EncodedResponse } from "./rest-json.js";
import { encodeTimestamp, type NormalizedSchema, type OperationModel } from "./model.js";

export const JSON_RPC_CONTENT_TYPE = "application/x-amz-json-1.1";

/** `AWSOrganizationsV20161128.ListAccounts` → prefix and operation. */
export function parseTarget(header: string | string[] | undefined): { prefix: string; operation: string } | undefined {
  if (typeof header !== "string") return undefined;
  const dot = header.lastIndexOf(".");
  if (dot <= 0) return undefined;
  return { prefix: header.slice(0, dot), operation: header.slice(dot + 1) };
}

export function decodeJsonRpcInput(operation: OperationModel, body: string): Record<string, unknown> {
  if (body.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new AwsError({
      code: "SerializationException",
      status: 400,
      message: "The request body could not be parsed as a JSON object.",
    });
  }
  const input: Record<string, unknown> = {};
  const record = parsed as Record<string, unknown>;
  for (const [name] of operation.input.structIterator()) {
    if (record[name] !== undefined && record[name] !== null) input[name] = record[name];
  }
  return input;
}

function encodeValue(schema: NormalizedSchema, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (schema.isTimestampSchema()) return encodeTimestamp(schema, value, 7);
  if (schema.isListSchema()) {
    const item = schema.getValueSchema();
    return (value as unknown[]).map((entry) => encodeValue(item, entry));
  }
  if (schema.isMapSchema()) {
    const item = schema.getValueSchema();
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, encodeValue(item, v)]),
    );
  }
  if (schema.isStructSchema() || schema.isUnionSchema()) {
    const out: Record<string, unknown> = {};
    const record = value as Record<string, unknown>;
    for (const [name, member] of schema.structIterator()) {
      const encoded = encodeValue(member, record[name]);
      if (encoded !== undefined) out[name] = encoded;
    }
    return out;
  }
  return value;
}

export function encodeJsonRpcSuccess(
  operation: OperationModel,
  output: Record<string, unknown> | undefined,
): EncodedResponse {
  return {
    status: 200,
    headers: { "content-type": JSON_RPC_CONTENT_TYPE },
    body: JSON.stringify(encodeValue(operation.output, output ?? {}) ?? {}),
  };
}

export function encodeJsonRpcError(error: AwsError): EncodedResponse {
  const headers: Record<string, string> = { "content-type": JSON_RPC_CONTENT_TYPE };
  if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.retryAfterSeconds);
  return {
    status: error.status,
    headers,
    body: JSON.stringify({ __type: error.code, Message: error.message, ...error.fields }),
  };
}
