/** Times and sizes as people read them (the Views and Snapshots lists, the audit log). */

/** A moment in the reader's locale, to the minute (or to the second, for a log); an unreadable one as it came. */
export function formatTime(iso: string, precision: "minute" | "second" = "minute"): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return timeFormat(precision).format(date);
}

/** A format is costly to build (the freshness chip formats on every render): one per precision, made when first used. */
const timeFormats = new Map<"minute" | "second", Intl.DateTimeFormat>();
function timeFormat(precision: "minute" | "second"): Intl.DateTimeFormat {
  let format = timeFormats.get(precision);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, {
      dateStyle: "medium",
      timeStyle: precision === "second" ? "medium" : "short",
    });
    timeFormats.set(precision, format);
  }
  return format;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
