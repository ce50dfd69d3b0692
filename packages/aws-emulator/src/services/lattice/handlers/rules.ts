/**
 * Listener rules: priority-ordered HTTP matches (method, path, headers) with a
 * forward or fixed-response action, on HTTP and HTTPS listeners. Every
 * listener also has its default rule, which stands for the listener's default
 * action: it is listed and can be read, but it changes only through
 * UpdateListener and goes only with the listener.
 */
import { createHash } from "node:crypto";
import type {
  BatchUpdateRuleRequest,
  CreateRuleRequest,
  DeleteRuleRequest,
  GetRuleRequest,
  ListRulesRequest,
  UpdateRuleRequest,
} from "@aws-sdk/client-vpc-lattice";
import type { Handler, HandlerContext } from "../../../core/service.js";
import { conflict, invalid, notFound, quotaExceeded, validationException, type FieldProblem } from "../errors.js";
import type { ListenerRecord, RuleRecord, ServiceRecord } from "../state.js";
import { idFromIdentifier, idempotent, setTags, toDate } from "../support.js";
import { listPage, touch } from "./common.js";
import { checkForwardAction, findListener, findService } from "./services.js";

/** Rules per listener (the default rule not counted): AWS's default quota. */
const RULES_PER_LISTENER = 10;
const PRIORITY = { min: 1, max: 2000 };
const PATH = /^\/[a-zA-Z0-9@:%_+.~#?&/=-]*$/;

/** The default rule's id, derived from the listener's (so it needs no record and no id from the counter). */
export function defaultRuleId(listenerId: string): string {
  return `rule-0${createHash("sha256").update(`default-rule:${listenerId}`).digest("hex").slice(0, 16)}`;
}

interface RuleView extends Record<string, unknown> {
  arn: string;
  id: string;
  name: string;
  isDefault: boolean;
  match?: Record<string, unknown>;
  priority?: number;
  action: Record<string, unknown>;
  createdAt: Date | undefined;
  lastUpdatedAt: Date | undefined;
}

function defaultRule(listener: ListenerRecord): RuleView {
  const id = defaultRuleId(listener.id);
  return {
    arn: `${listener.arn}/rule/${id}`,
    id,
    name: "default",
    isDefault: true,
    action: listener.defaultAction,
    createdAt: toDate(listener.createdAt),
    lastUpdatedAt: toDate(listener.lastUpdatedAt),
  };
}

function view(rule: RuleRecord): RuleView {
  return {
    arn: rule.arn,
    id: rule.id,
    name: rule.name,
    isDefault: false,
    match: rule.match,
    priority: rule.priority,
    action: rule.action,
    createdAt: toDate(rule.createdAt),
    lastUpdatedAt: toDate(rule.lastUpdatedAt),
  };
}

function rulesOf(ctx: HandlerContext, listenerId: string): RuleRecord[] {
  return Object.values(ctx.state.lattice.rules)
    .filter((r) => r.listenerId === listenerId)
    .sort((a, b) => a.priority - b.priority);
}

function scope(
  ctx: HandlerContext,
  input: { serviceIdentifier?: string | undefined; listenerIdentifier?: string | undefined },
) {
  const service = findService(ctx, input.serviceIdentifier!);
  const listener = findListener(ctx, service, input.listenerIdentifier!);
  return { service, listener };
}

/** A rule of this listener, by id or ARN; the default rule answers as a view only. */
function findRule(ctx: HandlerContext, listener: ListenerRecord, identifier: string): RuleRecord | RuleView {
  const id = idFromIdentifier(identifier);
  if (id === defaultRuleId(listener.id)) return defaultRule(listener);
  const rule = ctx.state.lattice.rules[id];
  if (!rule || rule.listenerId !== listener.id) throw notFound("RULE", id, "Rule");
  return rule;
}

function changeable(ctx: HandlerContext, listener: ListenerRecord, identifier: string, field: string): RuleRecord {
  const rule = findRule(ctx, listener, identifier);
  if ("isDefault" in rule && rule.isDefault) {
    throw invalid(field, `${rule.id} is the default rule of ${listener.id}; change it with UpdateListener.`);
  }
  return rule as RuleRecord;
}

/** The model's constraints on a match (the JS SDK checks none of them). */
function checkMatch(match: unknown, field: string): Record<string, unknown> {
  const problems: FieldProblem[] = [];
  const http = (match as { httpMatch?: unknown } | undefined)?.httpMatch as
    { method?: unknown; pathMatch?: unknown; headerMatches?: unknown } | undefined;
  if (!http || typeof http !== "object") {
    throw invalid(field, "A rule matches on httpMatch (method, pathMatch and/or headerMatches).");
  }
  const out: Record<string, unknown> = {};
  if (http.method !== undefined) {
    if (typeof http.method !== "string" || http.method.length > 16)
      problems.push({ name: `${field}.httpMatch.method`, message: "Member must have length less than or equal to 16" });
    else out.method = http.method;
  }
  if (http.pathMatch !== undefined) {
    const path = http.pathMatch as { match?: Record<string, unknown>; caseSensitive?: unknown };
    const kinds = Object.entries(path.match ?? {});
    const [kind, value] = kinds[0] ?? [];
    if (kinds.length !== 1 || (kind !== "exact" && kind !== "prefix")) {
      problems.push({ name: `${field}.httpMatch.pathMatch.match`, message: "Exactly one of exact or prefix" });
    } else if (typeof value !== "string" || value.length < 1 || value.length > 200 || !PATH.test(value)) {
      problems.push({
        name: `${field}.httpMatch.pathMatch.match.${kind}`,
        message: "Member must be a path of 1 to 200 characters that starts with / ([a-zA-Z0-9@:%_+.~#?&/=-])",
      });
    } else {
      out.pathMatch = {
        match: { [kind]: value },
        ...(path.caseSensitive !== undefined ? { caseSensitive: Boolean(path.caseSensitive) } : {}),
      };
    }
  }
  if (http.headerMatches !== undefined) {
    const headers = http.headerMatches;
    if (!Array.isArray(headers) || headers.length < 1 || headers.length > 5) {
      problems.push({ name: `${field}.httpMatch.headerMatches`, message: "Member must have between 1 and 5 items" });
    } else {
      out.headerMatches = headers.map((header: Record<string, unknown>, index) => {
        const at = `${field}.httpMatch.headerMatches.${index + 1}`;
        const name = header.name;
        if (typeof name !== "string" || name.length < 1 || name.length > 100)
          problems.push({ name: `${at}.name`, message: "Member must have length between 1 and 100" });
        const kinds = Object.entries((header.match as Record<string, unknown> | undefined) ?? {});
        const [kind, value] = kinds[0] ?? [];
        if (kinds.length !== 1 || !["exact", "prefix", "contains"].includes(kind!)) {
          problems.push({ name: `${at}.match`, message: "Exactly one of exact, prefix or contains" });
        } else if (typeof value !== "string" || value.length < 1 || value.length > 200) {
          problems.push({ name: `${at}.match.${kind}`, message: "Member must have length between 1 and 200" });
        }
        return {
          name,
          match: Object.fromEntries(kinds),
          ...(header.caseSensitive !== undefined ? { caseSensitive: Boolean(header.caseSensitive) } : {}),
        };
      });
    }
  }
  if (problems.length > 0) throw validationException(problems);
  if (Object.keys(out).length === 0)
    throw invalid(`${field}.httpMatch`, "Give a method, a pathMatch or headerMatches.");
  return { httpMatch: out };
}

function checkPriority(priority: unknown, field = "priority"): number {
  if (typeof priority !== "number" || !Number.isInteger(priority) || priority < PRIORITY.min || priority > PRIORITY.max)
    throw invalid(field, `Member must have value between ${PRIORITY.min} and ${PRIORITY.max}`);
  return priority;
}

function checkRulesAllowed(listener: ListenerRecord): void {
  if (listener.protocol === "TLS_PASSTHROUGH") {
    throw invalid(
      "listenerIdentifier",
      `${listener.id} is a TLS_PASSTHROUGH listener; the only rule it allows is its default rule.`,
    );
  }
}

function priorityTaken(
  ctx: HandlerContext,
  listener: ListenerRecord,
  priority: number,
  except?: string,
): RuleRecord | undefined {
  return rulesOf(ctx, listener.id).find((r) => r.priority === priority && r.id !== except);
}

const createRule: Handler = (input: CreateRuleRequest, ctx) =>
  idempotent(ctx, input, () => {
    const { service, listener } = scope(ctx, input);
    checkRulesAllowed(listener);
    const match = checkMatch(input.match, "match");
    const priority = checkPriority(input.priority);
    const action = checkForwardAction(
      ctx,
      service,
      input.action as unknown as Record<string, unknown>,
      listener.protocol,
      "action",
    );
    const existing = rulesOf(ctx, listener.id);
    if (existing.some((r) => r.name === input.name)) {
      throw conflict("RULE", input.name!, `Listener ${listener.id} already has a rule named ${input.name}.`);
    }
    const clash = priorityTaken(ctx, listener, priority);
    if (clash) {
      throw conflict("RULE", clash.id, `Rule ${clash.id} of listener ${listener.id} already has priority ${priority}.`);
    }
    if (existing.length >= RULES_PER_LISTENER) {
      throw quotaExceeded(
        "RULE",
        "L-1B2B2E0C",
        `Listener ${listener.id} already has ${RULES_PER_LISTENER} rules (quota: rules per listener).`,
        listener.id,
      );
    }
    const id = ctx.ids.id("rule");
    const record: RuleRecord = {
      id,
      arn: `${listener.arn}/rule/${id}`,
      name: input.name!,
      priority,
      listenerId: listener.id,
      serviceId: service.id,
      match,
      action,
      isDefault: false,
      createdAt: ctx.nowIso,
      lastUpdatedAt: ctx.nowIso,
    };
    ctx.state.lattice.rules[id] = record;
    setTags(ctx, record.arn, input.tags);
    const { createdAt: _c, lastUpdatedAt: _l, isDefault: _d, ...response } = view(record);
    return { id, response };
  });

const getRule: Handler = (input: GetRuleRequest, ctx) => {
  const { listener } = scope(ctx, input);
  const rule = findRule(ctx, listener, input.ruleIdentifier!);
  return "listenerId" in rule ? view(rule as RuleRecord) : rule;
};

const listRules: Handler = (input: ListRulesRequest, ctx) => {
  const { listener } = scope(ctx, input);
  const all: RuleView[] = [...rulesOf(ctx, listener.id).map(view), defaultRule(listener)];
  const page = listPage(ctx, all, input, listener.id);
  return {
    items: page.items.map((r) => ({
      arn: r.arn,
      id: r.id,
      name: r.name,
      isDefault: r.isDefault,
      priority: r.priority,
      createdAt: r.createdAt,
      lastUpdatedAt: r.lastUpdatedAt,
    })),
    nextToken: page.nextToken,
  };
};

interface RuleChange {
  match?: unknown;
  priority?: number | undefined;
  action?: unknown;
}

/** Checks a change to one rule and returns what to write (priority clashes are the caller's). */
function prepare(
  ctx: HandlerContext,
  service: ServiceRecord,
  listener: ListenerRecord,
  change: RuleChange,
  prefix: string,
): Partial<Pick<RuleRecord, "match" | "priority" | "action">> {
  return {
    ...(change.match !== undefined ? { match: checkMatch(change.match, `${prefix}match`) } : {}),
    ...(change.priority !== undefined ? { priority: checkPriority(change.priority, `${prefix}priority`) } : {}),
    ...(change.action !== undefined
      ? {
          action: checkForwardAction(
            ctx,
            service,
            change.action as Record<string, unknown>,
            listener.protocol,
            `${prefix}action`,
          ),
        }
      : {}),
  };
}

const updateRule: Handler = (input: UpdateRuleRequest, ctx) => {
  const { service, listener } = scope(ctx, input);
  const rule = changeable(ctx, listener, input.ruleIdentifier!, "ruleIdentifier");
  const next = prepare(ctx, service, listener, input, "");
  if (next.priority !== undefined) {
    const clash = priorityTaken(ctx, listener, next.priority, rule.id);
    if (clash) {
      throw conflict(
        "RULE",
        clash.id,
        `Rule ${clash.id} of listener ${listener.id} already has priority ${next.priority}.`,
      );
    }
  }
  Object.assign(rule, next);
  touch(rule, ctx);
  const { createdAt: _c, lastUpdatedAt: _l, ...response } = view(rule);
  return response;
};

const deleteRule: Handler = (input: DeleteRuleRequest, ctx) => {
  const { listener } = scope(ctx, input);
  const rule = changeable(ctx, listener, input.ruleIdentifier!, "ruleIdentifier");
  delete ctx.state.lattice.rules[rule.id];
  delete ctx.state.lattice.tags[rule.arn];
  return undefined;
};

/**
 * Several rule changes at once, priorities checked against the result (so two
 * rules can swap priorities). An unknown rule fails alone; a priority clash in
 * the result fails the whole batch.
 */
const batchUpdateRule: Handler = (input: BatchUpdateRuleRequest, ctx) => {
  const { service, listener } = scope(ctx, input);
  const updates = input.rules ?? [];
  if (updates.length < 1 || updates.length > 10) throw invalid("rules", "Member must have between 1 and 10 items");
  const unsuccessful: Array<{ ruleIdentifier: string; failureCode: string; failureMessage: string }> = [];
  const planned: Array<{ rule: RuleRecord; next: ReturnType<typeof prepare> }> = [];
  updates.forEach((update, index) => {
    const identifier = update.ruleIdentifier ?? "";
    const id = idFromIdentifier(identifier);
    const rule = ctx.state.lattice.rules[id];
    if (id === defaultRuleId(listener.id)) {
      unsuccessful.push({
        ruleIdentifier: identifier,
        failureCode: "ValidationException",
        failureMessage: `${id} is the default rule; change it with UpdateListener.`,
      });
    } else if (!rule || rule.listenerId !== listener.id) {
      unsuccessful.push({
        ruleIdentifier: identifier,
        failureCode: "ResourceNotFoundException",
        failureMessage: `Rule ${id} not found in listener ${listener.id}.`,
      });
    } else {
      planned.push({ rule, next: prepare(ctx, service, listener, update, `rules.${index + 1}.`) });
    }
  });
  const finalPriority = new Map(rulesOf(ctx, listener.id).map((r) => [r.id, r.priority]));
  for (const { rule, next } of planned) if (next.priority !== undefined) finalPriority.set(rule.id, next.priority);
  const seen = new Map<number, string>();
  for (const [id, priority] of finalPriority) {
    const other = seen.get(priority);
    if (other) {
      throw conflict(
        "RULE",
        id,
        `Rules ${other} and ${id} of listener ${listener.id} would both have priority ${priority}.`,
      );
    }
    seen.set(priority, id);
  }
  for (const { rule, next } of planned) {
    Object.assign(rule, next);
    touch(rule, ctx);
  }
  return {
    successful: planned.map(({ rule }) => {
      const { createdAt: _c, lastUpdatedAt: _l, ...response } = view(rule);
      return response;
    }),
    unsuccessful,
  };
};

export const ruleHandlers: Record<string, Handler> = {
  CreateRule: createRule,
  GetRule: getRule,
  ListRules: listRules,
  UpdateRule: updateRule,
  DeleteRule: deleteRule,
  BatchUpdateRule: batchUpdateRule,
};
