/** The latest value of `value` once its key has stayed the same for `ms` (the first value at once). */
import { useEffect, useState } from "react";
import { useLatest } from "./use-latest";

export function useSettled<T>(value: T, key: string, ms: number): T {
  const [settled, setSettled] = useState({ key, value });
  const latest = useLatest(value);
  useEffect(() => {
    if (key === settled.key) return;
    const timer = window.setTimeout(() => setSettled({ key, value: latest.current }), ms);
    return () => window.clearTimeout(timer);
  }, [key, settled.key, ms, latest]);
  return key === settled.key ? value : settled.value;
}
