/** Subnets of the chosen VPC, one per Availability Zone (prefilled; “none” leaves a zone out). */
import { subnetsByZone } from "../../../kinds/parts";
import type { FormPartProps } from "./props";

export function SubnetFields({ form, index, onChange }: FormPartProps) {
  const zones = subnetsByZone(index.get(form.vpcId, "vpc"));
  const set = (patch: Partial<FormPartProps["form"]>): void => onChange({ ...form, ...patch });
  return (
    <fieldset className="sheet__group">
      <legend className="field__label">Subnets — one per Availability Zone</legend>
      {zones.length === 0 ? <p className="muted">This VPC has no subnets in the picture.</p> : null}
      {zones.map(({ zone, subnets }) => (
        <label key={zone} className="sheet__zone">
          <span className="sheet__zone-name">{zone}</span>
          <select
            value={form.subnetByZone[zone] ?? ""}
            data-testid="pick-subnet"
            data-zone={zone}
            onChange={(event) => set({ subnetByZone: { ...form.subnetByZone, [zone]: event.target.value } })}
          >
            <option value="">— none in this zone —</option>
            {subnets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name ? `${s.name} · ` : ""}
                {s.id} · {s.cidr}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
