/** The ends of the change: the VPC, the service network, the resource configuration, the Lattice service (those the kind asks for). */
import { associableConfiguration, fieldsOf, withVpc } from "../../../change-forms";
import { Field } from "./Field";
import type { FormPartProps } from "./props";

const byLabel = <T extends { id: string; label: string }>(a: T, b: T): number =>
  a.label.localeCompare(b.label) || a.id.localeCompare(b.id);

export function EndFields({ form, index, onChange }: FormPartProps) {
  const need = fieldsOf(form.type);
  const vpcs = [...index.of("vpc")].sort(
    (a, b) => Number(b.data.roles.includes("consumer")) - Number(a.data.roles.includes("consumer")) || byLabel(a, b),
  );
  const networks = [...index.of("serviceNetwork")].sort(byLabel);
  const configurations = index.of("resourceConfiguration").filter(associableConfiguration).sort(byLabel);
  const services = [...index.of("service")].sort(byLabel);
  const set = (patch: Partial<FormPartProps["form"]>): void => onChange({ ...form, ...patch });
  return (
    <>
      {need.vpc ? (
        <Field label="VPC">
          <select
            value={form.vpcId}
            data-testid="pick-vpc"
            onChange={(event) => onChange(withVpc(form, event.target.value, index))}
          >
            {form.vpcId === "" ? <option value="">Choose a VPC…</option> : null}
            {vpcs.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label} ({v.id})
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {need.network ? (
        <Field label="Service network">
          <select
            value={form.serviceNetworkId}
            data-testid="pick-network"
            onChange={(event) => set({ serviceNetworkId: event.target.value })}
          >
            {form.serviceNetworkId === "" ? <option value="">Choose a service network…</option> : null}
            {networks.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label} ({n.id})
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {need.configuration ? (
        <Field label="Resource configuration">
          <select
            value={form.resourceConfigurationId}
            data-testid="pick-configuration"
            onChange={(event) => set({ resourceConfigurationId: event.target.value })}
          >
            {form.resourceConfigurationId === "" ? <option value="">Choose a configuration…</option> : null}
            {configurations.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label} · {c.data.type} ({c.id})
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {need.service ? (
        <Field label="Lattice service">
          <select
            value={form.serviceId}
            data-testid="pick-service"
            onChange={(event) => set({ serviceId: event.target.value })}
          >
            {form.serviceId === "" ? <option value="">Choose a service…</option> : null}
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label} ({s.id})
              </option>
            ))}
          </select>
        </Field>
      ) : null}
    </>
  );
}
