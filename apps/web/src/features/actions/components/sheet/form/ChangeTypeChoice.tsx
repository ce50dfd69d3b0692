/** How a VPC reaches a network: a VPC association (pattern 3) or a ServiceNetwork endpoint (pattern 2), side by side. */
import { withType } from "../../../change-forms";
import type { CreateType } from "../../../kinds";
import type { FormPartProps } from "./props";

/** A VPC onto a network can be either. */
export const VPC_ONTO_NETWORK = [
  "associate-vpc",
  "create-service-network-endpoint",
] as const satisfies readonly CreateType[];

export function ChangeTypeChoice({ form, index, onChange }: FormPartProps) {
  return (
    <fieldset className="sheet__choice">
      <legend className="field__label">How the VPC reaches the service network</legend>
      {VPC_ONTO_NETWORK.map((type) => (
        <label key={type} className="radio">
          <input
            type="radio"
            name="change-type"
            checked={form.type === type}
            data-testid={`sheet-type-${type}`}
            onChange={() => onChange(withType(form, type, index))}
          />
          <span>
            {type === "associate-vpc" ? (
              <>
                <strong>VPC association</strong> (pattern 3) — one service network per VPC; names are the snra-… DNS
                entries
              </>
            ) : (
              <>
                <strong>ServiceNetwork endpoint</strong> (pattern 2) — many per VPC; needs subnets
              </>
            )}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
