/** Small schema helpers over TypeBox. */
import Type, { type TUnsafe } from "typebox";

/** A string enum whose static type is the union of its values. */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: Record<string, unknown> = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: "string", enum: [...values], ...options });
}
