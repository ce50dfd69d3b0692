/**
 * The control API under /_emulator/: health, reset, scenarios, state export and
 * import, stats, faults (LocalStack-compatible rules), effects (latency,
 * jitter), transition delays and failures, and a DNS resolver for the names
 * the emulator issues. /_localstack/health answers too.
 */
import { describeEstate } from "./estate.js";
import type { ControlHandler, Emulator } from "../core/emulator.js";
import { resolveName } from "../core/dns.js";
import { loadEstate, type EstateDocument } from "../scenarios/estate-loader.js";
import { setVerificationStatus } from "../services/lattice/handlers/domain-verification.js";
import { resolvePrivateName } from "../services/lattice/private-zones.js";
import { estateControl } from "./estate-routes.js";
import { controlRefusal } from "./guard.js";
import { applyScenario, SCENARIOS, scenarioDocument, loadScenario, type ScenarioDocument } from "../scenarios/index.js";

const ok = (body: unknown, status = 200) => ({ status, body });

function parseJson(body: string): unknown {
  if (body.trim() === "") return {};
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new Error("the request body must be JSON");
  }
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error(`${what} must be a JSON object`);
  return value as Record<string, unknown>;
}

/** A transition delay: a finite, non-negative number of milliseconds (anything else would never settle). */
function delayMs(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    throw new Error(`${what} must be a non-negative number of milliseconds`);
  return value;
}

/** Throws (→ 400) unless `name` is a known scenario and `params` suit it. */
function checkScenario(name: string, params: Record<string, unknown>): void {
  if (!SCENARIOS.some((s) => s.name === name)) {
    throw new Error(`unknown scenario "${name}" (known: ${SCENARIOS.map((s) => s.name).join(", ")})`);
  }
  scenarioDocument(name, params);
}

/** The scenario each emulator last loaded: per emulator, so that several in one process do not mix. */
const loadedScenarios = new WeakMap<Emulator, string>();
let lastLoaded: string | undefined;

/** The scenario `emulator` last loaded (without an argument: the one any emulator of this process last loaded). */
export function currentScenario(emulator?: Emulator): string | undefined {
  return emulator ? loadedScenarios.get(emulator) : lastLoaded;
}

function setScenario(emulator: Emulator, name: string | undefined): void {
  if (name === undefined) loadedScenarios.delete(emulator);
  else loadedScenarios.set(emulator, name);
  lastLoaded = name;
}

export function loadNamedScenario(emulator: Emulator, name: string, params: Record<string, unknown> = {}) {
  const result = applyScenario(emulator, name, params);
  setScenario(emulator, name);
  return result;
}

/** TXT records of the simulated public DNS: GET lists, POST {name, value} adds, DELETE {name, value?} removes. */
function txtRecords(emulator: Emulator, method: string, body: string) {
  if (method === "GET") return ok({ records: emulator.publicDns.records() });
  const input = asObject(parseJson(body), "TXT record");
  const name = input.name;
  if (typeof name !== "string" || name.trim() === "")
    throw new Error('give the record\'s name, e.g. {"name": "_abc.example.com", "value": "vpc-lattice:…"}');
  if (method === "POST" || method === "PUT") {
    if (typeof input.value !== "string") throw new Error("give the record's value as a string");
    emulator.publicDns.addTxt(name, input.value);
    return ok({ name, values: emulator.publicDns.lookupTxt(name) }, 201);
  }
  if (method === "DELETE") {
    const removed = emulator.publicDns.removeTxt(name, typeof input.value === "string" ? input.value : undefined);
    return removed
      ? ok({ name, values: emulator.publicDns.lookupTxt(name) })
      : ok({ message: `no TXT record ${name}` }, 404);
  }
  return ok({ message: `no control route ${method} /_emulator/dns/txt` }, 404);
}

/** An estate given as data (src/scenarios/estate-loader.ts): tried in a blank emulator first, like a document. */
function loadEstateDocument(emulator: Emulator, estate: EstateDocument) {
  if (typeof estate.name !== "string" || !estate.steps.every((step) => step && ("part" in step || "share" in step)))
    throw new Error(
      "an estate document needs a name and steps of {part} or {share} (see packages/aws-emulator/src/scenarios/estate-loader.ts)",
    );
  loadEstate(emulator.blank(), estate);
  emulator.reset();
  const result = loadEstate(emulator, estate);
  setScenario(emulator, estate.name);
  return { scenario: estate.name, ...result };
}

export const controlRoutes: ControlHandler = (emulator, method, path, query, body, request) => {
  const refusal = controlRefusal(method, body, request);
  if (refusal) return refusal;
  const route = path.replace(/\/+$/, "");
  if (route === "/_emulator/health" || route === "/_localstack/health") {
    return ok({
      status: "ok",
      emulator: "lattice-atlas",
      services: Object.fromEntries(emulator.serviceNames().map((name) => [name, "running"])),
      scenario: currentScenario(emulator) ?? null,
      defaultAccountId: emulator.defaultAccountId,
      defaultRegion: emulator.defaultRegion,
    });
  }
  if (route === "/_emulator/reset" && method === "POST") {
    const input = asObject(parseJson(body), "reset body");
    const name = typeof input.scenario === "string" ? input.scenario : undefined;
    const params = asObject(input.params ?? {}, "params");
    // Validate the scenario and its parameters before anything is reset: a rejected reset resets nothing.
    if (name !== undefined) checkScenario(name, params);
    emulator.reset();
    emulator.stats.reset();
    setScenario(emulator, undefined);
    if (name !== undefined) {
      const result = loadNamedScenario(emulator, name, params);
      return ok({ reset: true, scenario: name, ...(result ?? {}) });
    }
    return ok({ reset: true });
  }
  if (route === "/_emulator/estate" && method === "GET") return ok(describeEstate(emulator));
  if (route === "/_emulator/scenarios" && method === "GET")
    return ok({ scenarios: SCENARIOS, current: currentScenario(emulator) ?? null });
  if (route === "/_emulator/scenario-document" && (method === "POST" || method === "PUT")) {
    // A scenario given as data (the shape of src/scenarios/document.ts), e.g. built from a Lattice Atlas snapshot.
    const raw = asObject(parseJson(body), "scenario document");
    if (Array.isArray(raw.steps)) return ok(loadEstateDocument(emulator, raw as unknown as EstateDocument));
    const doc = raw as unknown as ScenarioDocument;
    if (typeof doc.name !== "string" || typeof doc.region !== "string" || !Array.isArray(doc.vpcs)) {
      throw new Error(
        "a scenario document needs name, region and vpcs (see packages/aws-emulator/src/scenarios/document.ts)",
      );
    }
    // Load into a fresh emulator first: a document that fails must not leave this one half-replaced.
    const trial = emulator.blank();
    loadScenario(trial, doc);
    emulator.reset();
    const result = loadScenario(emulator, doc);
    setScenario(emulator, doc.name);
    return ok({ scenario: doc.name, ...result });
  }
  const scenario = /^\/_emulator\/scenarios\/([a-z0-9-]+)$/.exec(route);
  if (scenario && method === "POST") {
    const params = asObject(parseJson(body), "scenario parameters");
    const result = loadNamedScenario(emulator, scenario[1]!, params);
    return ok({ scenario: scenario[1], ...(result ?? {}) });
  }
  if (route === "/_emulator/state") {
    if (method === "GET") return ok(emulator.exportState());
    if (method === "PUT" || method === "POST") {
      emulator.importState(parseJson(body));
      setScenario(emulator, "imported");
      return ok({ imported: true });
    }
  }
  if (route === "/_emulator/stats") {
    if (method === "GET") return ok(emulator.stats.snapshot());
    if (method === "DELETE") {
      emulator.stats.reset();
      return ok(emulator.stats.snapshot());
    }
  }
  if (route === "/_emulator/faults") {
    const faults = emulator.faults;
    if (method === "GET") return ok(faults.rules);
    if (method === "POST" || method === "PUT") {
      faults.rules = faults.validate(parseJson(body));
      return ok(faults.rules);
    }
    if (method === "PATCH") {
      faults.rules = [...faults.rules, ...faults.validate(parseJson(body))];
      return ok(faults.rules);
    }
    if (method === "DELETE") {
      const parsed = body.trim() ? faults.validate(parseJson(body)) : undefined;
      faults.rules = parsed
        ? faults.rules.filter(
            (rule) => !parsed.some((r) => JSON.stringify(r) === JSON.stringify(rule) || (r.id && r.id === rule.id)),
          )
        : [];
      return ok(faults.rules);
    }
  }
  if (route === "/_emulator/effects") {
    if (method === "GET") return ok(emulator.faults.effects);
    if (method === "PUT" || method === "POST") {
      const input = asObject(parseJson(body), "effects");
      const latencyMs = Number(input.latencyMs ?? input.latency ?? 0);
      const jitterMs = Number(input.jitterMs ?? input.jitter ?? 0);
      if (!(latencyMs >= 0) || !(jitterMs >= 0)) throw new Error("latencyMs and jitterMs must be non-negative numbers");
      emulator.faults.effects = { latencyMs, jitterMs };
      return ok(emulator.faults.effects);
    }
  }
  if (route === "/_emulator/transitions") {
    if (method === "GET") return ok({ ...emulator.lifecycle.settings, kinds: emulator.lifecycle.knownKinds() });
    if (method === "PUT" || method === "POST") {
      const input = asObject(parseJson(body), "transitions");
      const known = emulator.lifecycle.knownKinds();
      const delays = asObject(input.delays ?? {}, "delays");
      for (const kind of Object.keys(delays))
        if (!known.includes(kind)) throw new Error(`unknown kind ${kind} (known: ${known.join(", ")})`);
      const failures = asObject(input.failures ?? {}, "failures");
      const parsedFailures: Record<string, { remaining: number; code: string; message: string; after?: number }> = {};
      for (const [kind, value] of Object.entries(failures)) {
        if (!known.includes(kind)) throw new Error(`unknown kind ${kind} (known: ${known.join(", ")})`);
        const f = asObject(value, `failures.${kind}`);
        const count = f.count ?? 1;
        if (typeof count !== "number" || !Number.isInteger(count) || count < 1)
          throw new Error(`failures.${kind}.count must be a positive integer`);
        const after = f.after ?? 0;
        if (typeof after !== "number" || !Number.isInteger(after) || after < 0)
          throw new Error(`failures.${kind}.after must be a non-negative integer`);
        parsedFailures[kind] = {
          remaining: count,
          code: String(f.code ?? "InternalFailure"),
          message: String(f.message ?? "Injected failure by the emulator"),
          ...(after > 0 ? { after } : {}),
        };
      }
      emulator.lifecycle.settings = {
        defaultDelayMs: delayMs(input.defaultDelayMs ?? 0, "defaultDelayMs"),
        delays: Object.fromEntries(Object.entries(delays).map(([k, v]) => [k, delayMs(v, `delays.${k}`)])),
        failures: parsedFailures,
      };
      return ok(emulator.lifecycle.settings);
    }
  }
  if (route === "/_emulator/dns/txt") return txtRecords(emulator, method, body);
  const verification = /^\/_emulator\/domain-verifications\/(dv-[0-9a-z]{17})$/.exec(route);
  if (verification && method === "POST") {
    // The control switch: a verification's status without a TXT record.
    const input = asObject(parseJson(body), "domain verification body");
    if (typeof input.status !== "string")
      throw new Error('give {"status": "VERIFIED" | "VERIFICATION_TIMED_OUT" | "PENDING"}');
    const account = typeof input.accountId === "string" ? input.accountId : emulator.defaultAccountId;
    const region = typeof input.region === "string" ? input.region : emulator.defaultRegion;
    const dv = setVerificationStatus(emulator.region(account, region), verification[1]!, input.status, Date.now());
    return ok(dv);
  }
  if (route === "/_emulator/dns" && method === "GET" && query.get("type")?.toUpperCase() === "TXT") {
    const name = query.get("name");
    if (!name) throw new Error("give ?name=<hostname>&type=TXT");
    const values = emulator.publicDns.lookupTxt(name);
    return values.length > 0
      ? ok({ name, type: "TXT", values })
      : ok({ name, type: "TXT", values, message: "NXDOMAIN" }, 404);
  }
  if (route === "/_emulator/dns" && method === "GET") {
    const name = query.get("name");
    if (!name) throw new Error("give ?name=<hostname>");
    const account = query.get("accountId") ?? emulator.defaultAccountId;
    const region = query.get("region") ?? /\.([a-z]{2}-[a-z]+-\d)\./.exec(name)?.[1] ?? emulator.defaultRegion;
    const state = emulator.region(account, region);
    const vpcId = query.get("vpcId");
    if (vpcId) {
      // As the VPC's resolver answers: its private hosted zones first, then public DNS.
      if (!state.ec2.vpcs[vpcId]) throw new Error(`no VPC ${vpcId} in account ${account}, ${region}`);
      const inVpc = resolvePrivateName(emulator.context(account, region, "ResolveName"), name, vpcId);
      if (inVpc) return ok(inVpc);
    }
    // Without an account, any account's name (an estate's names live in the accounts that own them).
    const answer =
      resolveName(state, name) ??
      (query.get("accountId")
        ? undefined
        : emulator
            .states()
            .filter((s) => s.region === region)
            .map((s) => resolveName(s, name))
            .find(Boolean));
    return answer
      ? ok(answer)
      : ok({ name, addresses: [], message: "NXDOMAIN: the emulator issued no such name" }, 404);
  }
  const estate = estateControl(emulator, method, route, body);
  if (estate) return estate;
  return ok({ message: `no control route ${method} ${path}` }, 404);
};
