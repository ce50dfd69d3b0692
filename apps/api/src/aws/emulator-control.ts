/**
 * The embedded emulator's control API, for what only the emulator can do:
 * say which estate its state holds (to offer it as a source), and load a
 * scenario document (a snapshot reproduced for experiments). Reached over
 * HTTP like any AWS endpoint, never imported.
 */

/** The estate the emulator's state holds (GET /_emulator/estate), if any. */
export interface EmulatorEstate {
  hubAccountId: string;
  roleName: string;
  externalId?: string;
  regions: string[];
  accounts?: string[];
}

export async function describeEmulatorEstate(emulatorUrl: string): Promise<EmulatorEstate | undefined> {
  try {
    const response = await fetch(`${emulatorUrl}/_emulator/estate`, { signal: AbortSignal.timeout(2_000) });
    return response.ok ? (((await response.json()) as EmulatorEstate | null) ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces the emulator's state with a scenario document; the emulator tries it in a blank state first. */
export async function loadScenarioDocument(
  emulatorUrl: string,
  document: unknown,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const response = await fetch(`${emulatorUrl}/_emulator/scenario-document`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(document),
    signal: AbortSignal.timeout(30_000),
  });
  if (response.ok) return { ok: true };
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  return { ok: false, message: body.message ?? response.statusText };
}
