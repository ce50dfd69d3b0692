/**
 * The emulator: one HTTP listener for VPC Lattice, EC2, RDS, STS and Lambda,
 * state per account and region, fault injection and a control API.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { AwsError, isAwsError } from "./errors.js";
import { DEFAULT_FAULTS, FaultInjector, REQUIRED_FAULT_FIELDS, STATUS_BY_CODE, type FaultError } from "./faults.js";
import { emptyGlobalState, type GlobalState } from "./global.js";
import { credentialError, identifyCaller, userCaller, type Caller } from "./identity.js";
import { IdGenerator } from "./ids.js";
import { Lifecycle } from "./lifecycle.js";
import { PublicDns, type TxtRecord } from "./public-dns.js";
import { emptyRegionState, regionKey, type RegionState } from "./region.js";
import { credentialScope } from "./routing.js";
import type { HandlerContext, ServiceDefinition } from "./service.js";
import { Stats } from "./stats.js";
import type { World } from "./world.js";
import { requiredMembers } from "../protocols/model.js";
import {
  decodeRestJsonInput,
  encodeRestJsonError,
  encodeRestJsonSuccess,
  RestJsonRouter,
  type EncodedResponse,
} from "../protocols/rest-json.js";
import { decodeQueryInput, encodeQueryError, encodeQuerySuccess, parseForm } from "../protocols/query.js";
import { decodeJsonRpcInput, encodeJsonRpcError, encodeJsonRpcSuccess, parseTarget } from "../protocols/json-rpc.js";

export interface EmulatorOptions {
  seed?: string;
  defaultAccountId?: string;
  defaultRegion?: string;
  /** Maximum request body, bytes. */
  bodyLimit?: number;
  log?: (line: string) => void;
}

export interface RequestTarget {
  service: ServiceDefinition;
  region: string;
  accountId: string;
}

export type ControlHandler = (
  emulator: Emulator,
  method: string,
  path: string,
  query: URLSearchParams,
  body: string,
  /** The HTTP request (headers, the local address it came in on), for the control API's Host/Origin rules. */
  request?: IncomingMessage,
) => Promise<{ status: number; body: unknown }> | { status: number; body: unknown };

export interface StateExport {
  format: "lattice-atlas-emulator-state";
  version: 1;
  ids: { seed: string; counter: number };
  regions: RegionState[];
  /** TXT records of the simulated public DNS (absent in exports from before it existed). */
  publicDns?: { txt: TxtRecord[] };
  /** IAM roles, the organization, STS sessions, sharing settings (absent in exports made before they existed). */
  global?: GlobalState;
}

export class Emulator {
  readonly ids: IdGenerator;
  readonly lifecycle = new Lifecycle();
  readonly stats = new Stats();
  readonly publicDns = new PublicDns();
  readonly faults: FaultInjector;
  readonly defaultAccountId: string;
  readonly defaultRegion: string;
  private readonly regions = new Map<string, RegionState>();
  private readonly services = new Map<string, ServiceDefinition>();
  private readonly routers = new Map<string, RestJsonRouter>();
  private readonly byVersion = new Map<string, ServiceDefinition>();
  private readonly byTarget = new Map<string, ServiceDefinition>();
  /** IAM roles, the organization, STS sessions and sharing settings: not per account and region. */
  global: GlobalState = emptyGlobalState();
  /** Cross-account access for handlers (see core/world.ts). */
  readonly world: World;
  private derivedValues = new Map<string, unknown>();
  private control: ControlHandler | undefined;
  private rngState: number;
  private readonly bodyLimit: number;
  private readonly log: (line: string) => void;

  constructor(options: EmulatorOptions = {}) {
    const seed = options.seed ?? "lattice-atlas";
    this.ids = new IdGenerator(seed);
    this.rngState = hashSeed(seed);
    this.faults = new FaultInjector(() => this.random());
    this.defaultAccountId = options.defaultAccountId ?? "111122223333";
    this.defaultRegion = options.defaultRegion ?? "ap-northeast-1";
    this.bodyLimit = options.bodyLimit ?? 16 * 1024 * 1024;
    this.log = options.log ?? (() => undefined);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the world's getter reads the current global state
    const emulator = this;
    this.world = {
      get global() {
        return emulator.global;
      },
      peek: (accountId, region) => {
        const state = this.regions.get(regionKey(accountId, region));
        if (state) this.lifecycle.settle(state, Date.now());
        return state;
      },
      state: (accountId, region) => {
        const state = this.region(accountId, region);
        this.lifecycle.settle(state, Date.now());
        return state;
      },
      statesIn: (region) => [...this.regions.values()].filter((state) => state.region === region),
      derived: <T>(key: string, compute: () => T): T => {
        if (!this.derivedValues.has(key)) this.derivedValues.set(key, compute());
        return this.derivedValues.get(key) as T;
      },
      sharingChanged: () => this.derivedValues.clear(),
    };
  }

  /** Seeded PRNG (mulberry32) for fault probabilities and jitter. */
  random(): number {
    this.rngState = (this.rngState + 0x6d2b79f5) | 0;
    let t = this.rngState;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  registerService(service: ServiceDefinition): void {
    this.services.set(service.name, service);
    if (service.protocol === "restJson")
      this.routers.set(service.name, new RestJsonRouter(service.operations.values()));
    if (service.version) this.byVersion.set(service.version, service);
    if (service.targetPrefix) this.byTarget.set(service.targetPrefix, service);
  }

  /** A new, empty emulator with the same services and lifecycle kinds (for dry runs of a scenario). */
  blank(): Emulator {
    const copy = new Emulator({
      seed: "dry-run",
      defaultAccountId: this.defaultAccountId,
      defaultRegion: this.defaultRegion,
    });
    for (const service of this.services.values()) copy.registerService(service);
    this.lifecycle.copyKindsTo(copy.lifecycle);
    return copy;
  }

  /** Every account/region state that exists. */
  states(): RegionState[] {
    return [...this.regions.values()];
  }

  serviceNames(): string[] {
    return [...this.services.keys()];
  }

  service(name: string): ServiceDefinition | undefined {
    return this.services.get(name);
  }

  setControlHandler(handler: ControlHandler): void {
    this.control = handler;
  }

  region(accountId: string = this.defaultAccountId, region: string = this.defaultRegion): RegionState {
    const key = regionKey(accountId, region);
    let state = this.regions.get(key);
    if (!state) {
      state = emptyRegionState(accountId, region);
      this.regions.set(key, state);
    }
    return state;
  }

  /** Builds a handler context for in-process use (scenarios, tests). */
  context(
    accountId: string = this.defaultAccountId,
    region: string = this.defaultRegion,
    operation = "internal",
    caller: Caller = userCaller(accountId),
  ): HandlerContext {
    const now = Date.now();
    const state = this.region(accountId, region);
    this.lifecycle.settle(state, now);
    return {
      state,
      accountId,
      region,
      now,
      nowIso: new Date(now).toISOString(),
      ids: this.ids,
      lifecycle: this.lifecycle,
      operation,
      requestId: randomUUID(),
      regionState: (a, r) => this.region(a, r),
      publicDns: this.publicDns,
      caller,
      world: this.world,
    };
  }

  /**
   * Clears the state. Issued STS credentials outlive a reset (as real ones
   * outlive changes to an account) until they expire.
   */
  reset(): void {
    this.regions.clear();
    this.publicDns.clear();
    this.global = { ...emptyGlobalState(), sts: this.global.sts };
    this.world.sharingChanged();
    this.faults.rules = [];
    this.faults.effects = { latencyMs: 0, jitterMs: 0 };
    this.lifecycle.settings = { defaultDelayMs: 0, delays: {}, failures: {} };
  }

  exportState(): StateExport {
    return {
      format: "lattice-atlas-emulator-state",
      version: 1,
      ids: this.ids.snapshot(),
      regions: [...this.regions.values()].map((r) => structuredClone(r)),
      publicDns: { txt: this.publicDns.records() },
      global: structuredClone(this.global),
    };
  }

  /**
   * Replaces every region with the exported ones. The whole export is checked
   * first: on any error nothing changes, and the message names what is wrong.
   */
  importState(data: unknown): void {
    const parsed = checkStateExport(data);
    const regions = new Map<string, RegionState>();
    for (const region of parsed.regions) {
      // A copy: the emulator must not share records with the caller (or with another emulator given the same export).
      const copy = structuredClone(region);
      const base = emptyRegionState(copy.accountId, copy.region);
      const merged: RegionState = {
        ...base,
        ...copy,
        ec2: { ...base.ec2, ...copy.ec2 },
        lattice: { ...base.lattice, ...copy.lattice },
        rds: { ...base.rds, ...copy.rds },
        lambda: { ...base.lambda, ...copy.lambda },
        sharing: { ...base.sharing, ...copy.sharing },
      };
      regions.set(regionKey(copy.accountId, copy.region), merged);
    }
    this.regions.clear();
    for (const [key, state] of regions) this.regions.set(key, state);
    if (parsed.ids) this.ids.restore(parsed.ids);
    this.publicDns.restore(parsed.publicDns?.txt ?? []);
    const global = parsed.global ? structuredClone(parsed.global) : undefined;
    const base = emptyGlobalState();
    this.global = global
      ? {
          iam: { ...base.iam, ...global.iam },
          organizations: { ...base.organizations, ...global.organizations },
          // An export without sessions keeps the credentials already issued.
          sts: global.sts ? { ...base.sts, ...global.sts } : this.global.sts,
          sharing: { ...base.sharing, ...global.sharing },
        }
      : { ...base, sts: this.global.sts };
    this.world.sharingChanged();
  }

  /** The Node HTTP request listener. */
  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    void this.handle(req, res).catch((error: unknown) => {
      this.log(`emulator: unhandled ${String(error)}`);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json", "x-amzn-requestid": randomUUID() });
        res.end(JSON.stringify({ message: "internal emulator error" }));
      }
    });
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const url = new URL(req.url ?? "/", "http://emulator.local");
    const rawPath = (req.url ?? "/").split("?")[0] ?? "/";
    let body: string;
    try {
      body = await readBody(req, this.bodyLimit);
    } catch {
      send(
        res,
        { status: 413, headers: { "content-type": "application/json" }, body: '{"message":"request body too large"}' },
        requestId,
      );
      return;
    }

    if (rawPath.startsWith("/_emulator") || rawPath.startsWith("/_localstack")) {
      await this.handleControl(req.method ?? "GET", rawPath, url.searchParams, body, res, requestId, req);
      return;
    }

    const scope = credentialScope(req.headers, url.searchParams);
    const form = isForm(req) ? parseForm(body) : undefined;
    const target = parseTarget(req.headers["x-amz-target"]);
    const service = this.identifyService(scope?.service, form?.values, rawPath, target?.prefix);
    if (!service) {
      send(
        res,
        {
          status: 400,
          headers: { "content-type": "application/json", "x-amzn-errortype": "UnrecognizedClientException" },
          body: JSON.stringify({
            message: `No emulated AWS service matches ${req.method} ${rawPath}. Services: ${this.serviceNames().join(", ")}.`,
          }),
        },
        requestId,
      );
      return;
    }
    const region = scope?.region ?? this.defaultRegion;
    const token = req.headers["x-amz-security-token"] ?? url.searchParams.get("X-Amz-Security-Token") ?? undefined;
    const caller = identifyCaller(
      this.global,
      scope?.accessKeyId,
      typeof token === "string" ? token : undefined,
      this.defaultAccountId,
      Date.now(),
    );
    if (typeof caller === "string") {
      this.sendError(res, service, credentialError(service.protocol, caller), requestId, "Unknown");
      return;
    }
    const accountId = caller.accountId;

    // Which operation.
    let operationName: string | undefined;
    let labels: Record<string, string> = {};
    if (service.protocol === "restJson") {
      const match = this.routers.get(service.name)?.match(req.method ?? "GET", rawPath, url.searchParams);
      if (match) {
        operationName = match.operation.name;
        labels = match.labels;
      }
    } else if (service.protocol === "awsJson") {
      operationName = target?.operation;
    } else {
      operationName = form?.values.get("Action");
    }
    const operation = operationName ? service.operations.get(operationName) : undefined;
    if (!operation || !operationName) {
      const described = operationName ?? `${req.method} ${rawPath}`;
      this.sendError(res, service, service.unknownOperation(described), requestId, operationName ?? "Unknown");
      return;
    }

    const end = this.stats.begin(service.name, operation.name, caller.arn);
    const aborted = abortOnClose(req, res);
    try {
      const decision = this.faults.decide({ service: service.name, operation: operation.name, region, accountId });
      if (decision.delayMs > 0) await sleep(decision.delayMs, aborted.signal);
      if (aborted.signal.aborted) return;
      if (decision.error) {
        this.stats.fault(service.name, operation.name);
        this.sendError(
          res,
          service,
          faultError(service.name, operation.name, accountId, decision.error),
          requestId,
          operation.name,
        );
        return;
      }

      const handler = service.handlers[operation.name];
      if (!handler) {
        this.sendError(
          res,
          service,
          new AwsError({
            code: service.protocol === "restJson" ? "NotImplementedException" : "NotImplemented",
            status: 501,
            message: `${operation.name} is not implemented by the Lattice Atlas emulator (see packages/aws-emulator/README.md for the parity table).`,
          }),
          requestId,
          operation.name,
        );
        return;
      }

      const input =
        service.protocol === "restJson"
          ? decodeRestJsonInput(operation, labels, url.searchParams, req.headers, body)
          : service.protocol === "awsJson"
            ? decodeJsonRpcInput(operation, body)
            : decodeQueryInput(operation.input, form ?? parseForm(""), service.protocol);
      for (const member of requiredMembers(operation.input)) {
        if (input[member] === undefined || input[member] === "") throw service.missingParameter(member);
      }

      const ctx = this.context(accountId, region, operation.name, caller);
      ctx.requestId = requestId;
      const output = handler(input, ctx) ?? {};
      if (service.protocol === "restJson") {
        send(res, encodeRestJsonSuccess(operation, output), requestId);
      } else if (service.protocol === "awsJson") {
        send(res, encodeJsonRpcSuccess(operation, output), requestId);
      } else {
        send(
          res,
          {
            status: 200,
            headers: { "content-type": "text/xml;charset=UTF-8" },
            body: encodeQuerySuccess(
              service.name,
              service.protocol,
              operation.name,
              operation.output,
              output,
              requestId,
            ),
          },
          requestId,
        );
      }
    } catch (error) {
      if (isAwsError(error)) {
        this.sendError(res, service, error, requestId, operation.name);
      } else {
        this.log(
          `emulator: ${service.name}:${operation.name} failed: ${error instanceof Error ? error.stack : String(error)}`,
        );
        this.sendError(
          res,
          service,
          service.internalError("The emulator failed to process the request."),
          requestId,
          operation.name,
        );
      }
    } finally {
      aborted.dispose();
      end();
    }
  }

  private identifyService(
    signingName: string | undefined,
    form: Map<string, string> | undefined,
    rawPath: string,
    targetPrefix: string | undefined,
  ): ServiceDefinition | undefined {
    if (signingName) {
      const bySignature = this.services.get(signingName);
      if (bySignature) return bySignature;
    }
    if (targetPrefix && this.byTarget.has(targetPrefix)) return this.byTarget.get(targetPrefix);
    const version = form?.get("Version");
    if (version && this.byVersion.has(version)) return this.byVersion.get(version);
    if (rawPath.startsWith("/2015-03-31/")) return this.services.get("lambda");
    for (const [name, router] of this.routers) {
      if (name !== "lambda" && router.hasPath(rawPath)) return this.services.get(name);
    }
    return undefined;
  }

  private sendError(
    res: ServerResponse,
    service: ServiceDefinition,
    error: AwsError,
    requestId: string,
    _operation: string,
  ): void {
    if (service.protocol === "restJson") {
      send(res, encodeRestJsonError(error, service.name), requestId);
      return;
    }
    if (service.protocol === "awsJson") {
      send(res, encodeJsonRpcError(error), requestId);
      return;
    }
    const headers: Record<string, string> = { "content-type": "text/xml;charset=UTF-8" };
    if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.retryAfterSeconds);
    send(
      res,
      { status: error.status, headers, body: encodeQueryError(service.name, service.protocol, error, requestId) },
      requestId,
    );
  }

  private async handleControl(
    method: string,
    path: string,
    query: URLSearchParams,
    body: string,
    res: ServerResponse,
    requestId: string,
    req?: IncomingMessage,
  ): Promise<void> {
    if (!this.control) {
      send(
        res,
        { status: 404, headers: { "content-type": "application/json" }, body: '{"message":"no control API"}' },
        requestId,
      );
      return;
    }
    try {
      const result = await this.control(this, method, path, query, body, req);
      send(
        res,
        { status: result.status, headers: { "content-type": "application/json" }, body: JSON.stringify(result.body) },
        requestId,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      send(
        res,
        { status: 400, headers: { "content-type": "application/json" }, body: JSON.stringify({ message }) },
        requestId,
      );
    }
  }

  /** Starts listening; resolves once the port is bound. */
  async listen(port = 4566, host = "127.0.0.1"): Promise<RunningEmulator> {
    const server = createServer(this.listener);
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    const url = `http://${host}:${address.port}`;
    return {
      emulator: this,
      server,
      port: address.port,
      url,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }
}

export interface RunningEmulator {
  emulator: Emulator;
  server: Server;
  port: number;
  url: string;
  close: () => Promise<void>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const describeValue = (value: unknown): string =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "an array"
      : typeof value === "string"
        ? JSON.stringify(value)
        : typeof value;

/**
 * Checks the shape of a state export: the envelope, the id counter, and per
 * region the account id, the region name and each service section (every
 * collection an object of records). Throws naming the first thing wrong.
 */
export function checkStateExport(data: unknown): StateExport {
  if (
    !isObject(data) ||
    data.format !== "lattice-atlas-emulator-state" ||
    data.version !== 1 ||
    !Array.isArray(data.regions)
  ) {
    throw new Error(
      'not an emulator state export (expected {"format":"lattice-atlas-emulator-state","version":1,"regions":[…]})',
    );
  }
  if (data.ids !== undefined) {
    const ids = data.ids;
    if (
      !isObject(ids) ||
      typeof ids.seed !== "string" ||
      !Number.isInteger(ids.counter) ||
      (ids.counter as number) < 0
    ) {
      throw new Error('invalid state export: ids must be {"seed": string, "counter": non-negative integer}');
    }
  }
  if (data.publicDns !== undefined) {
    const txt = isObject(data.publicDns) ? data.publicDns.txt : undefined;
    const valid =
      Array.isArray(txt) &&
      txt.every(
        (r: unknown) =>
          isObject(r) &&
          typeof r.name === "string" &&
          Array.isArray(r.values) &&
          r.values.every((v) => typeof v === "string"),
      );
    if (!valid)
      throw new Error('invalid state export: publicDns must be {"txt": [{"name": string, "values": [string…]}]}');
  }
  const seen = new Map<string, number>();
  data.regions.forEach((region: unknown, index: number) => {
    const at = `regions[${index}]`;
    if (!isObject(region))
      throw new Error(`invalid state export: ${at} must be an object, got ${describeValue(region)}`);
    if (typeof region.accountId !== "string" || !/^\d{12}$/.test(region.accountId)) {
      throw new Error(
        `invalid state export: ${at}.accountId must be a 12-digit account id, got ${describeValue(region.accountId)}`,
      );
    }
    if (typeof region.region !== "string" || region.region.trim() === "") {
      throw new Error(
        `invalid state export: ${at}.region must be a region name such as "us-east-1", got ${describeValue(region.region)}`,
      );
    }
    const key = regionKey(region.accountId, region.region);
    const earlier = seen.get(key);
    if (earlier !== undefined)
      throw new Error(
        `invalid state export: ${at} repeats account ${region.accountId} in ${region.region} (regions[${earlier}])`,
      );
    seen.set(key, index);
    const base = emptyRegionState(region.accountId, region.region);
    for (const section of ["ec2", "lattice", "rds", "lambda", "sharing"] as const) {
      const value = region[section];
      if (value === undefined) continue;
      if (!isObject(value))
        throw new Error(`invalid state export: ${at}.${section} must be an object, got ${describeValue(value)}`);
      for (const [name, empty] of Object.entries(base[section])) {
        const collection = value[name];
        if (collection === undefined || !isObject(empty)) continue;
        if (!isObject(collection))
          throw new Error(
            `invalid state export: ${at}.${section}.${name} must be an object of records, got ${describeValue(collection)}`,
          );
        for (const [id, record] of Object.entries(collection)) {
          if (!isObject(record))
            throw new Error(
              `invalid state export: ${at}.${section}.${name}[${JSON.stringify(id)}] must be an object, got ${describeValue(record)}`,
            );
        }
      }
    }
    if (region.pending !== undefined && !Array.isArray(region.pending)) {
      throw new Error(`invalid state export: ${at}.pending must be an array, got ${describeValue(region.pending)}`);
    }
    if (region.idempotency !== undefined && !isObject(region.idempotency)) {
      throw new Error(
        `invalid state export: ${at}.idempotency must be an object, got ${describeValue(region.idempotency)}`,
      );
    }
  });
  checkGlobalExport(data.global);
  return data as unknown as StateExport;
}

/** The global section of an export: optional, and each part an object of the expected shape. */
function checkGlobalExport(global: unknown): void {
  if (global === undefined) return;
  if (!isObject(global))
    throw new Error(`invalid state export: global must be an object, got ${describeValue(global)}`);
  const base = emptyGlobalState();
  for (const [section, empty] of Object.entries(base)) {
    const value = global[section];
    if (value === undefined) continue;
    if (!isObject(value))
      throw new Error(`invalid state export: global.${section} must be an object, got ${describeValue(value)}`);
    for (const [name, template] of Object.entries(empty as Record<string, unknown>)) {
      const part = value[name];
      if (part === undefined || !isObject(template)) continue;
      if (!isObject(part))
        throw new Error(
          `invalid state export: global.${section}.${name} must be an object, got ${describeValue(part)}`,
        );
    }
  }
  const setting = (global.sharing as Record<string, unknown> | undefined)?.unsharedAssociations;
  if (setting !== undefined && setting !== "keep" && setting !== "delete")
    throw new Error(
      `invalid state export: global.sharing.unsharedAssociations must be "keep" or "delete", got ${describeValue(setting)}`,
    );
}

function faultError(service: string, operation: string, accountId: string, fault: FaultError): AwsError {
  const fallback = DEFAULT_FAULTS[service] ?? { code: "ServiceUnavailable", statusCode: 503 };
  const code = fault.code ?? fallback.code;
  const status = fault.statusCode ?? STATUS_BY_CODE[code] ?? (fault.code ? 400 : fallback.statusCode);
  const message =
    fault.message ??
    (status === 403
      ? `User: arn:aws:iam::${accountId}:user/lattice-atlas is not authorized to perform: ${iamPrefix(service)}:${operation}`
      : `Injected fault: ${code} on ${service}:${operation}`);
  const fields =
    service === "vpc-lattice"
      ? { ...(REQUIRED_FAULT_FIELDS[code] ?? {}), ...(fault.fields ?? {}) }
      : (fault.fields ?? {});
  return new AwsError({
    code,
    status,
    message,
    fields,
    ...(fault.retryAfterSeconds !== undefined ? { retryAfterSeconds: fault.retryAfterSeconds } : {}),
  });
}

function iamPrefix(service: string): string {
  return service === "vpc-lattice" ? "vpc-lattice" : service;
}

function isForm(req: IncomingMessage): boolean {
  const type = req.headers["content-type"] ?? "";
  return req.method === "POST" && type.includes("application/x-www-form-urlencoded");
}

function send(res: ServerResponse, response: EncodedResponse, requestId: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(response.status, { ...response.headers, "x-amzn-requestid": requestId });
  res.end(response.body);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error("body too large"));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function abortOnClose(req: IncomingMessage, res: ServerResponse): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onClose = (): void => {
    if (!res.writableEnded) controller.abort();
  };
  res.on("close", onClose);
  return { signal: controller.signal, dispose: () => res.off("close", onClose) };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

function hashSeed(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return h >>> 0;
}
