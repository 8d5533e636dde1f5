// Commune names for lists that carry only commune codes (proposals, residence changes): read from the communes API
// province by province — the hinted province first, then the officer's own, then (for a code still unknown) the others
// — and kept for the session.
import { all } from "../shared/api";
import type { Commune, Province } from "../shared/types";

const names = new Map<string, string>();
const loaded = new Map<string, Promise<void>>();
let everywhere: Promise<void> | null = null;

function loadProvince(code: string): Promise<void> {
  if (!loaded.has(code)) {
    loaded.set(code, all<Commune>(`/provinces/${encodeURIComponent(code)}/communes`)
      .then(cs => cs.forEach(c => names.set(c.code, c.name)))
      .catch(() => { loaded.delete(code); }));
  }
  return loaded.get(code)!;
}

/** The commune's name ("Phường Hoàn Kiếm"), or its code when no province the officer may read has it. */
export async function communeName(code: string, ...provinces: (string | null | undefined)[]): Promise<string> {
  for (const p of provinces) {
    if (names.has(code)) break;
    if (p) await loadProvince(p);
  }
  if (!names.has(code)) {
    everywhere ??= all<Province>("/provinces").then(ps => Promise.all(ps.map(p => loadProvince(p.code)))).then(() => undefined).catch(() => undefined);
    await everywhere;
  }
  return names.get(code) ?? code;
}

/** A span whose text turns from the code into the commune's name once known. */
export function communeLabel(code: string, ...provinces: (string | null | undefined)[]): HTMLSpanElement {
  const span = document.createElement("span");
  span.textContent = code;
  span.dataset.commune = code;
  void communeName(code, ...provinces).then(n => (span.textContent = n));
  return span;
}
