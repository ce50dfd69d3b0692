import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.js";

describe("parseConfig", () => {
  it("defaults to the embedded emulator on 127.0.0.1:8080 with no token", () => {
    const config = parseConfig([], {});
    expect(config).toMatchObject({
      source: "emulator",
      host: "127.0.0.1",
      port: 8080,
      token: undefined,
      allowMutations: false,
    });
    expect(config.emulator).toEqual({ embedded: true, url: undefined, port: 4566, scenario: "field-report" });
  });

  it("takes flags over environment", () => {
    const config = parseConfig(["--port", "9000", "--region", "eu-west-1"], {
      ATLAS_PORT: "7000",
      ATLAS_REGION: "us-east-1",
    });
    expect(config.port).toBe(9000);
    expect(config.region).toBe("eu-west-1");
  });

  it("reads the emulator's estate scenario as the estate, unless a source is named", () => {
    expect(parseConfig(["--scenario", "estate"], {}).source).toBe("estate:emulator");
    expect(parseConfig([], { ATLAS_SCENARIO: "estate" }).source).toBe("estate:emulator");
    expect(parseConfig(["--scenario", "estate", "--source", "emulator"], {}).source).toBe("emulator");
    expect(parseConfig(["--scenario", "large"], {}).source).toBe("emulator");
  });

  it("maps --profile to that profile's source", () => {
    expect(parseConfig(["--profile", "prod"], {}).source).toBe("profile:prod");
    expect(parseConfig([], { ATLAS_PROFILE: "dev" }).source).toBe("profile:dev");
  });

  it("makes a token when binding beyond loopback, like Jupyter", () => {
    const config = parseConfig(["--host", "0.0.0.0"], {});
    expect(config.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(config.tokenGenerated).toBe(true);
    expect(parseConfig(["--host", "0.0.0.0", "--token", "mine"], {}).token).toBe("mine");
  });

  it("uses a running emulator instead of embedding one", () => {
    const config = parseConfig(["--emulator-url", "http://127.0.0.1:4566"], {});
    expect(config.emulator.embedded).toBe(false);
    expect(config.emulator.url).toBe("http://127.0.0.1:4566");
  });

  it("puts the data folder under XDG_DATA_HOME, else ~/.local/share, unless --data-dir names one", () => {
    expect(parseConfig([], { HOME: "/home/ann" }).dataDir).toBe("/home/ann/.local/share/lattice-atlas");
    expect(parseConfig([], { HOME: "/home/ann", XDG_DATA_HOME: "/data/xdg" }).dataDir).toBe("/data/xdg/lattice-atlas");
    // The XDG spec ignores relative paths.
    expect(parseConfig([], { HOME: "/home/ann", XDG_DATA_HOME: "rel" }).dataDir).toBe(
      "/home/ann/.local/share/lattice-atlas",
    );
    expect(parseConfig(["--data-dir", "/srv/atlas"], { ATLAS_DATA_DIR: "/elsewhere" }).dataDir).toBe("/srv/atlas");
    expect(parseConfig([], { ATLAS_DATA_DIR: "/elsewhere" }).dataDir).toBe("/elsewhere");
  });

  it("is read-only only when asked", () => {
    expect(parseConfig([], {}).readOnly).toBe(false);
    expect(parseConfig(["--read-only"], {}).readOnly).toBe(true);
    expect(parseConfig([], { ATLAS_READ_ONLY: "1" }).readOnly).toBe(true);
  });

  it.each([
    [["--source", "aws"], /--source/],
    [["--data-dir", ""], /--data-dir/],
    [["--region", "moon-1"], /--region/],
    [["--port", "99999"], /--port/],
    [["--source", "emulator", "--no-emulator"], /embedded emulator/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseConfig(argv, {})).toThrow(ConfigError);
    expect(() => parseConfig(argv, {})).toThrow(message);
  });
});

describe("parseConfig: the discovery deadline", () => {
  it("is 30 s unless --discovery-deadline or ATLAS_DISCOVERY_DEADLINE says otherwise", () => {
    expect(parseConfig([], {}).discoveryDeadlineMs).toBe(30_000);
    expect(parseConfig(["--discovery-deadline", "12.5"], {}).discoveryDeadlineMs).toBe(12_500);
    expect(parseConfig([], { ATLAS_DISCOVERY_DEADLINE: "90" }).discoveryDeadlineMs).toBe(90_000);
  });

  it("refuses what is not a number of seconds", () => {
    for (const bad of ["0", "-1", "soon", "", "1e9"])
      expect(() => parseConfig(["--discovery-deadline", bad], {})).toThrow(/--discovery-deadline/);
  });
});

describe("parseConfig: the age past which a picture is refreshed", () => {
  it("is 10 minutes unless --refresh-after or ATLAS_REFRESH_AFTER says otherwise; 0 turns it off", () => {
    expect(parseConfig([], {}).refreshAfterMinutes).toBe(10);
    expect(parseConfig(["--refresh-after", "2.5"], { ATLAS_REFRESH_AFTER: "30" }).refreshAfterMinutes).toBe(2.5);
    expect(parseConfig([], { ATLAS_REFRESH_AFTER: "30" }).refreshAfterMinutes).toBe(30);
    expect(parseConfig(["--refresh-after", "0"], {}).refreshAfterMinutes).toBe(0);
  });

  it("refuses what is not a number of minutes, naming the flag and the range", () => {
    for (const bad of ["-1", "soon", "", " ", "1441", "Infinity"]) {
      expect(() => parseConfig([`--refresh-after=${bad}`], {})).toThrow(ConfigError);
      expect(() => parseConfig([`--refresh-after=${bad}`], {})).toThrow(
        /--refresh-after must be a number of minutes from 0/,
      );
    }
    expect(() => parseConfig([], { ATLAS_REFRESH_AFTER: "ten" })).toThrow(/--refresh-after/);
  });
});

describe("parseConfig and package managers", () => {
  it("ignores a leading -- passed through by pnpm or npm", () => {
    expect(parseConfig(["--", "--port", "9001"], {}).port).toBe(9001);
  });
});

describe("parseConfig: the hub role (--assume-role-arn)", () => {
  it("takes an IAM role ARN from the flag or ATLAS_ASSUME_ROLE_ARN, paths and partitions included", () => {
    expect(parseConfig([], {}).assumeRoleArn).toBeUndefined();
    const arn = "arn:aws:iam::111122223333:role/LatticeAtlasTeam";
    expect(parseConfig(["--assume-role-arn", arn], {}).assumeRoleArn).toBe(arn);
    expect(parseConfig([], { ATLAS_ASSUME_ROLE_ARN: ` ${arn} ` }).assumeRoleArn).toBe(arn);
    const gov = "arn:aws-us-gov:iam::111122223333:role/platform/atlas";
    expect(parseConfig(["--assume-role-arn", gov], { ATLAS_ASSUME_ROLE_ARN: arn }).assumeRoleArn).toBe(gov);
  });

  it("refuses what is not a role ARN, naming the flag and the shape to write", () => {
    for (const bad of [
      "LatticeAtlasTeam",
      "arn:aws:iam::1111:role/x",
      "arn:aws:iam::111122223333:user/ana",
      "arn:aws:sts::111122223333:assumed-role/x/y",
      "arn:aws:iam::111122223333:role/",
      "arn:aws:iam::111122223333:role/has space",
    ])
      expect(() => parseConfig(["--assume-role-arn", bad], {})).toThrow(
        /--assume-role-arn .* is not an IAM role ARN: write arn:aws:iam::<12-digit account>:role\/<name>/,
      );
  });
});
