// People's names for lists that carry only ids (alerts, requests): read once, kept for the session.
import { get } from "../shared/api";
import type { PersonSummary } from "../shared/types";

const names = new Map<string, Promise<string>>();

export function remember(people: { id?: string; personId?: string; fullName: string }[]): void {
  for (const p of people) names.set((p.id ?? p.personId)!, Promise.resolve(p.fullName));
}

export function personName(id: string): Promise<string> {
  if (!names.has(id)) names.set(id, get<PersonSummary>(`/persons/${id}`).then(p => p.fullName).catch(() => id.slice(0, 8)));
  return names.get(id)!;
}

/** A link to the person's page whose text fills in when the name is known. */
export function personLink(id: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = `#/people/${id}`;
  a.textContent = "…";
  a.dataset.testid = "person-link";
  void personName(id).then(n => (a.textContent = n));
  return a;
}
