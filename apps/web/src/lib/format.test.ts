import { describe, expect, it } from "vitest";
import { formatBytes, formatTime } from "./format";

describe("format", () => {
  it("writes a moment to the minute, or to the second for a log, and leaves an unreadable one as it came", () => {
    const at = "2026-03-04T05:06:07.000Z";
    const minute = formatTime(at);
    const second = formatTime(at, "second");
    expect(second.length).toBeGreaterThan(minute.length);
    expect(second).toMatch(/07/);
    expect(formatTime("not a date")).toBe("not a date");
  });

  it("writes sizes in B, kB and MB", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2.0 kB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.0 MB");
  });
});
