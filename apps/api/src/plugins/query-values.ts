/**
 * Query parameters as people type them, checked before schema validation:
 *  - booleans (`refresh`) accept true/false, 1/0, yes/no, on/off in any case (normalised to true/false);
 *  - integers (`limit`, `before`) must be written as whole numbers of at most 15 digits: "Infinity", "1e999"
 *    or 400 digits would otherwise coerce to a number no integer check refuses.
 * Anything else fails with a 400 naming the parameter.
 */
import type { FastifyInstance } from "fastify";
import { badInput } from "../errors.js";

const TRUE = new Set(["1", "true", "yes", "on"]);
const FALSE = new Set(["0", "false", "no", "off"]);

/** true / false for the usual spellings, undefined for anything else. */
export function booleanOf(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return undefined;
  const word = value.trim().toLowerCase();
  return TRUE.has(word) ? true : FALSE.has(word) ? false : undefined;
}

interface QuerySchema {
  properties?: Record<string, { type?: string; minimum?: number; maximum?: number }>;
}

export function registerQueryValues(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const schema = request.routeOptions.schema?.querystring as QuerySchema | undefined;
    const query = request.query as Record<string, unknown> | undefined;
    if (!schema?.properties || !query) return;
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!(name in query)) continue;
      if (property.type === "boolean") {
        const value = booleanOf(query[name]);
        if (value !== undefined) query[name] = value;
      } else if (property.type === "integer" && typeof query[name] === "string") {
        if (!/^-?\d{1,15}$/.test(query[name].trim())) {
          const range =
            property.minimum !== undefined && property.maximum !== undefined
              ? ` from ${property.minimum} to ${property.maximum}`
              : property.minimum !== undefined
                ? ` of at least ${property.minimum}`
                : "";
          throw badInput(name, `The query parameter "${name}" must be a whole number${range}.`);
        }
      }
    }
  });
}
