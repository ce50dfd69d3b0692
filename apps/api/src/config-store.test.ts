import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.js";

describe("parseConfig: the store", () => {
  it("keeps the laptop's SQLite files by default", () => {
    expect(parseConfig([], {})).not.toHaveProperty("databaseUrl");
    expect(parseConfig(["--store", "sqlite"], {})).not.toHaveProperty("databaseUrl");
  });

  it("takes PostgreSQL from --database-url or ATLAS_DATABASE_URL, the flag first", () => {
    expect(parseConfig(["--store", "postgres", "--database-url", "postgres://a@db:5432/atlas"], {}).databaseUrl).toBe(
      "postgres://a@db:5432/atlas",
    );
    expect(parseConfig([], { ATLAS_DATABASE_URL: "postgresql://b@db/atlas" }).databaseUrl).toBe(
      "postgresql://b@db/atlas",
    );
    expect(
      parseConfig(["--database-url", "postgres://flag@db/atlas"], { ATLAS_DATABASE_URL: "postgres://env@db/atlas" })
        .databaseUrl,
    ).toBe("postgres://flag@db/atlas");
  });

  it("refuses a store it cannot use, naming the flag, never echoing a password", () => {
    expect(() => parseConfig(["--store", "mysql"], {})).toThrow(/--store must be sqlite or postgres/);
    expect(() => parseConfig(["--store", "postgres"], {})).toThrow(/needs --database-url/);
    expect(() => parseConfig(["--store", "sqlite", "--database-url", "postgres://x@db/a"], {})).toThrow(ConfigError);
    expect(() => parseConfig(["--database-url", "mysql://u:hunter2@db/a"], {})).toThrow(/postgres:\/\//);
    let message = "";
    try {
      parseConfig(["--database-url", "hunter2@db/atlas"], {});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/--database-url is not a URL/);
    expect(message).not.toContain("hunter2");
  });
});
