/** Source (emulator, default chain, profiles) and region pickers, and the marker that says "this is not real AWS". */
import { KNOWN_REGIONS, type SourceInfo } from "@lattice-atlas/shared";

interface SourcePickerProps {
  sources: readonly SourceInfo[];
  source: string | undefined;
  region: string | undefined;
  onSource(source: SourceInfo): void;
  onRegion(region: string): void;
}

function optionLabel(s: SourceInfo): string {
  const problem =
    s.status === "error"
      ? ` — ${s.error?.code === "CREDENTIALS_MISSING" ? "no credentials" : (s.error?.code ?? "unavailable")}`
      : "";
  return `${s.label}${problem}`;
}

export function SourcePicker({ sources, source, region, onSource, onRegion }: SourcePickerProps) {
  const regions: readonly string[] =
    region && !(KNOWN_REGIONS as readonly string[]).includes(region) ? [region, ...KNOWN_REGIONS] : KNOWN_REGIONS;
  return (
    <div className="source-picker">
      <label className="field">
        <span className="field__label">Source</span>
        <select
          value={source ?? ""}
          onChange={(event) => {
            const chosen = sources.find((s) => s.id === event.target.value);
            if (chosen) onSource(chosen);
          }}
          data-testid="source-picker"
        >
          {source && !sources.some((s) => s.id === source) ? <option value={source}>{source}</option> : null}
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {optionLabel(s)}
            </option>
          ))}
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
