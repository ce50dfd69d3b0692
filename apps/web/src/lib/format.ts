/** Times and sizes as people read them (the Views and Snapshots lists, the audit log). */

/** A moment in the reader's locale, to the minute (or to the second, for a log); an unreadable one as it came. */
export function formatTime(iso: string, precision: "minute" | "second" = "minute"): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: "medium",
    timeStyle: precision === "second" ? "medium" : "short",
  }).format(date);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
