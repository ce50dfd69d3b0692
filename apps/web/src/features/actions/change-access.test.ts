import type { HealthResponse, MeResponse, SourceInfo } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { changeAccess } from "./change-access";

const emulator: SourceInfo = {
  id: "emulator",
  kind: "emulator",
  label: "Embedded AWS emulator",
  defaultRegion: "ap-northeast-1",
  status: "ok",
  mutationsAllowed: true,
};
const health: HealthResponse = {
  status: "ok",
  version: "0.1.0",
  emulator: { url: "http://127.0.0.1:4566" },
  readOnly: false,
  refreshAfterMinutes: 10,
};

describe("change access", () => {
  it("allows changes where the source and the server do", () => {
    expect(changeAccess(emulator, health)).toEqual({ allowed: true });
  });

  it("says nothing until both answers are in", () => {
    expect(changeAccess(undefined, health)).toEqual({ allowed: false });
    expect(changeAccess(emulator, undefined)).toEqual({ allowed: false });
  });

  it("explains --read-only, and real AWS without --allow-mutations", () => {
    expect(changeAccess({ ...emulator, mutationsAllowed: false }, { ...health, readOnly: true }).reason).toContain(
      "--read-only",
    );
    const aws = changeAccess(
      { ...emulator, id: "default", kind: "default", label: "AWS (default credential chain)", mutationsAllowed: false },
      health,
    );
    expect(aws.allowed).toBe(false);
    expect(aws.reason).toContain("--allow-mutations");
  });

  it("says a viewer's role cannot make changes, and whom to ask (team mode)", () => {
    const viewer: MeResponse = {
      mode: "team",
      user: { id: "vera", groups: [], via: "oidc", roleSessionName: "atlas-vera" },
      role: "viewer",
      can: { read: true, change: false, administer: false },
      signOutUrl: "/auth/logout",
    };
    const access = changeAccess(emulator, health, viewer);
    expect(access.allowed).toBe(false);
    expect(access.reason).toMatch(/^Your role \(viewer\) cannot make changes — ask an operator\./);
    expect(
      changeAccess(emulator, health, { ...viewer, role: "operator", can: { ...viewer.can, change: true } }),
    ).toEqual({
      allowed: true,
    });
  });
});
