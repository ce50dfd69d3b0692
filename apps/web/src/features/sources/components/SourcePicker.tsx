/**
 * Source and region pickers — sources grouped (emulator, AWS credentials, profiles of the AWS config files with
 * their credential kind, estates, snapshots), each with a problem marker when it cannot be read — and the marker
 * that says "this is not real AWS".
 */
import { KNOWN_REGIONS, type SourceInfo, type SourcesResponse } from "@lattice-atlas/shared";

interface SourcePickerProps {
  sources: readonly SourceInfo[];
  source: string | undefined;
  region: string | undefined;
  /** Where profiles were looked for: named when they hold none. */
  profileFiles?: SourcesResponse["profileFiles"] | undefined;
  onSource(source: SourceInfo): void;
  onRegion(region: string): void;
}

/** The source picker's element id: "Choose a source" buttons elsewhere focus it. */
export const SOURCE_PICKER_ID = "source-picker";

/** The marker of a source that cannot be read now. */
export function problemOf(s: SourceInfo): string | undefined {
  if (s.status !== "error") return undefined;
  switch (s.error?.code) {
    case "CREDENTIALS_MISSING":
      return "no credentials";
    case "CREDENTIALS_EXPIRED":
      return s.credentialKind === "sso" ? "SSO login expired" : "credentials expired";
    case "ACCESS_DENIED":
      return "access denied";
    default:
      return s.error?.code ?? "unavailable";
  }
}

function optionLabel(s: SourceInfo): string {
  const name = s.kind === "profile" ? s.id.slice("profile:".length) : s.label;
  const kind =
    s.kind === "profile" && s.credentialKind && s.credentialKind !== "unknown" ? ` (${s.credentialKind})` : "";
  const problem = problemOf(s);
  return `${name}${kind}${problem ? ` — ⚠ ${problem}` : ""}`;
}

const GROUPS: ReadonlyArray<{ kind: SourceInfo["kind"]; label: (files?: SourcesResponse["profileFiles"]) => string }> =
  [
    { kind: "emulator", label: () => "Emulator" },
    { kind: "default", label: () => "AWS credentials" },
    {
      kind: "profile",
      label: (files) => `Profiles from ${files ? `${files.config} and ${files.credentials}` : "~/.aws/config"}`,
    },
    { kind: "estate", label: () => "Estates" },
    { kind: "snapshot", label: () => "Snapshots" },
  ];

export function SourcePicker({ sources, source, region, profileFiles, onSource, onRegion }: SourcePickerProps) {
  const regions: readonly string[] =
    region && !(KNOWN_REGIONS as readonly string[]).includes(region) ? [region, ...KNOWN_REGIONS] : KNOWN_REGIONS;
  return (
    <div className="source-picker">
      <label className="field">
        <span className="field__label">Source</span>
        <select
          id={SOURCE_PICKER_ID}
          value={source ?? ""}
          onChange={(event) => {
            const chosen = sources.find((s) => s.id === event.target.value);
            if (chosen) onSource(chosen);
          }}
          data-testid="source-picker"
        >
          {source && !sources.some((s) => s.id === source) ? <option value={source}>{source}</option> : null}
          {GROUPS.map((group) => {
            const members = sources.filter((s) => s.kind === group.kind);
            if (members.length === 0 && !(group.kind === "profile" && profileFiles)) return null;
            return (
              <optgroup key={group.kind} label={group.label(profileFiles)} data-kind={group.kind}>
                {members.length === 0 ? (
                  <option value="" disabled data-testid="no-profiles">
                    No profile in these files
                  </option>
                ) : (
                  members.map((s) => (
                    <option
                      key={s.id}
                      value={s.id}
                      title={[s.label, s.error?.message].filter(Boolean).join(": ")}
                      data-problem={problemOf(s) ?? ""}
                    >
                      {optionLabel(s)}
                    </option>
                  ))
                )}
              </optgroup>
            );
          })}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Region</span>
        <select value={region ?? ""} onChange={(event) => onRegion(event.target.value)} data-testid="region-picker">
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** Brings the source picker into view and focuses it (the credentials error's "Choose a source"). */
export function focusSourcePicker(): void {
  const picker = document.getElementById(SOURCE_PICKER_ID);
  picker?.scrollIntoView({ block: "nearest" });
  picker?.focus();
}

export function EmulatorMarker({ source }: { source: SourceInfo | undefined }) {
  if (source?.kind !== "emulator") return null;
  return (
    <span
      className="emulator-marker"
      data-testid="emulator-marker"
      title="Data comes from the embedded AWS emulator (field-report scenario), not from a real AWS account."
    >
      Emulator<span className="emulator-marker__more"> · not real AWS</span>
    </span>
  );
}

export function AccountTag({ accountId }: { accountId: string | undefined }) {
  if (!accountId) return null;
  return (
    <span className="account" title="AWS account of this view">
      account {accountId}
    </span>
  );
}
