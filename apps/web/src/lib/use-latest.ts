/** A ref that always holds the latest value: stable callbacks read it instead of depending on it. */
import { useRef, type RefObject } from "react";

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
