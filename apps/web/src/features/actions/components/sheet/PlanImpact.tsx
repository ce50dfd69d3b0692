/**
 * What the change does to the consumers, per VPC: the targets and names that
 * stop working ("consumer-sn-association-vpc loses snra-0258…") and those that
 * start to. The API computes it as the Connect answer after the change minus
 * the answer before, so it says what "Connect from…" will say.
 */
import type { ChangeImpact } from "@lattice-atlas/shared";

type Reach = ChangeImpact["loses"][number];

export function PlanImpact({ impact }: { impact: ChangeImpact[] }) {
  const loses = impact.filter((i) => i.loses.length > 0);
  const gains = impact.filter((i) => i.gains.length > 0);
  return (
    <section className="impact" aria-label="What changes for the consumer VPCs" data-testid="plan-impact">
      <h3 className="panel__heading">What changes for the consumers</h3>
      {loses.length + gains.length === 0 ? (
        <p className="muted" data-testid="impact-none">
          No VPC gains or loses a target or a name by this change.
        </p>
      ) : null}
      {loses.length > 0 ? (
        <ul className="impact__list impact__list--loses" aria-label="What stops working">
          {loses.map((i) => (
            <ImpactRow key={i.vpc.id} vpc={i.vpc} verb="loses" reach={i.loses} />
          ))}
        </ul>
      ) : null}
      {gains.length > 0 ? (
        <ul className="impact__list impact__list--gains" aria-label="What starts to work">
          {gains.map((i) => (
            <ImpactRow key={i.vpc.id} vpc={i.vpc} verb="gains" reach={i.gains} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ImpactRow({ vpc, verb, reach }: { vpc: ChangeImpact["vpc"]; verb: "loses" | "gains"; reach: Reach[] }) {
  return (
    <li className={`impact__vpc impact__vpc--${verb}`} data-testid={`impact-${verb}`} data-vpc-id={vpc.id}>
      <p className="impact__head">
        <span className="impact__mark" aria-hidden="true">
          {verb === "loses" ? "−" : "+"}
        </span>
        <strong>{vpc.name}</strong> {verb === "loses" ? "loses" : "gains"}
      </p>
      <ul className="impact__targets">
        {reach.map((r) => (
          <li key={r.target.id} data-testid="impact-target" data-target-id={r.target.id}>
            <span className="impact__target">{r.target.name}</span>
            {r.hostnames.length > 0 ? (
              <ul className="impact__names">
                {r.hostnames.map((name) => (
                  <li key={name}>
                    <code className="impact__name" title={name}>
                      {name}
                    </code>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </li>
  );
}
