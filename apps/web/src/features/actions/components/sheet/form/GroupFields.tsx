/** Up to five security groups of the chosen VPC, those its Lattice entries already use first. */
import { rulesLabel } from "../../../../topology/to-flow-graph";
import { MAX_SECURITY_GROUPS, groupsOfVpc, toggleGroup } from "../../../change-forms";
import type { FormPartProps } from "./props";

export function GroupFields({ form, index, onChange }: FormPartProps) {
  const groups = form.vpcId ? groupsOfVpc(index, form.vpcId) : [];
  return (
    <fieldset className="sheet__group">
      <legend className="field__label">
        Security groups — {form.securityGroupIds.length} of at most {MAX_SECURITY_GROUPS}
      </legend>
      {groups.length === 0 ? <p className="muted">No security groups of this VPC are in the picture.</p> : null}
      {groups.map((g) => {
        const checked = form.securityGroupIds.includes(g.id);
        const inbound = g.data.ingress.length > 0 ? rulesLabel(g.data.ingress) : "no inbound rule";
        return (
          <label key={g.id} className="check-row">
            <input
              type="checkbox"
              checked={checked}
              disabled={!checked && form.securityGroupIds.length >= MAX_SECURITY_GROUPS}
              data-testid="pick-group"
              data-group-id={g.id}
              onChange={() => onChange(toggleGroup(form, g.id))}
            />
            <span>
              {g.data.groupName} <code className="muted">{g.id}</code>
              <span className="hint">
                {" "}
                · in: {inbound}
                {g.usedForLattice ? " · already used by a Lattice entry of this VPC" : ""}
              </span>
            </span>
          </label>
        );
      })}
      {form.type === "associate-vpc" && form.securityGroupIds.length === 0 ? (
        <p className="hint">Without security groups the association filters nothing.</p>
      ) : null}
    </fieldset>
  );
}
