/** Calls per operation and requests in flight, for benchmarks and call-count tests. */
export interface StatsSnapshot {
  total: number;
  calls: Record<string, number>;
  faults: Record<string, number>;
  inFlight: number;
  peakInFlight: number;
  peakInFlightByService: Record<string, number>;
  /** Calls per caller ARN (`…:user/lattice-atlas`, `…:assumed-role/<role>/<session>`), by `service:Operation`: who did what, as CloudTrail's userIdentity.arn. */
  callers: Record<string, Record<string, number>>;
}

export class Stats {
  private total = 0;
  private calls = new Map<string, number>();
  private faults = new Map<string, number>();
  private inFlight = 0;
  private peak = 0;
  private inFlightByService = new Map<string, number>();
  private peakByService = new Map<string, number>();
  private callers = new Map<string, Map<string, number>>();

  begin(service: string, operation: string, caller?: string): () => void {
    this.total += 1;
    const key = `${service}:${operation}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    if (caller !== undefined) {
      let byCaller = this.callers.get(caller);
      if (!byCaller) this.callers.set(caller, (byCaller = new Map()));
      byCaller.set(key, (byCaller.get(key) ?? 0) + 1);
    }
    this.inFlight += 1;
    this.peak = Math.max(this.peak, this.inFlight);
    const current = (this.inFlightByService.get(service) ?? 0) + 1;
    this.inFlightByService.set(service, current);
    this.peakByService.set(service, Math.max(this.peakByService.get(service) ?? 0, current));
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight -= 1;
      this.inFlightByService.set(service, (this.inFlightByService.get(service) ?? 1) - 1);
    };
  }

  fault(service: string, operation: string): void {
    const key = `${service}:${operation}`;
    this.faults.set(key, (this.faults.get(key) ?? 0) + 1);
  }

  snapshot(): StatsSnapshot {
    return {
      total: this.total,
      calls: Object.fromEntries([...this.calls].sort(([a], [b]) => a.localeCompare(b))),
      faults: Object.fromEntries(this.faults),
      inFlight: this.inFlight,
      peakInFlight: this.peak,
      peakInFlightByService: Object.fromEntries(this.peakByService),
      callers: Object.fromEntries([...this.callers].map(([arn, calls]) => [arn, Object.fromEntries(calls)])),
    };
  }

  reset(): void {
    this.total = 0;
    this.calls.clear();
    this.faults.clear();
    this.callers.clear();
    this.peak = this.inFlight;
    this.peakByService = new Map(this.inFlightByService);
  }
}
