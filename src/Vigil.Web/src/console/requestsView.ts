// Requests waiting for the commune's decision (approve, or refuse with a reason), and one request as a list row.
import { ApiError, all, get, post } from "../shared/api";
import { clear, el } from "../shared/dom";
import { label, t } from "../shared/i18n";
import { dateTime } from "../shared/time";
import type { Me, WearerRequest } from "../shared/types";
import { communeLabel, communeName } from "./communes";
import { personLink } from "./names";
import { can, caseWorkers } from "./roles";

/** One request; `departed` says the departure of an approved residence change is already recorded (from the person's records). */
export function requestRow(me: Me, r: WearerRequest, changed: () => void, withPerson = false, departed = false): HTMLElement {
  const message = el("span", { class: "error" });
  const note = el("input", { name: "note", placeholder: t("note"), "data-testid": "decision-note" });
  const decide = async (what: "approve" | "refuse") => {
    try {
      await post(`/requests/${r.id}/${what}`, { note: note.value || undefined });
      changed();
    } catch (e) { message.textContent = e instanceof ApiError ? e.message : String(e); }
  };
  const record = async (kind: string) => {
    try {
      await post(`/persons/${r.personId}/records/${kind}`, { requestId: r.id });
      changed();
    } catch (e) { message.textContent = e instanceof ApiError ? e.message : String(e); }
  };
  return el("li", { class: "request", "data-testid": "request", "data-kind": r.kind, "data-status": r.status },
    el("strong", {}, label("requestKind", r.kind)), " ", el("span", { class: `badge req-${r.status}` }, label("requestStatus", r.status)),
    withPerson ? [" — ", personLink(r.personId)] : null,
    el("div", {}, r.reason),
    el("div", { class: "muted" }, `${t("submittedAt")}: ${dateTime(r.submittedAt)}`,
      r.startsAt ? ` · ${t("startsAt")}: ${dateTime(r.startsAt)}` : "", r.expectedEnd ? ` · ${t("expectedEnd")}: ${dateTime(r.expectedEnd)}` : "",
      r.requestedPosition ? ` · ${label("position", r.requestedPosition)}` : "", r.toCommuneCode ? [" · → ", communeLabel(r.toCommuneCode, me.unit?.provinceCode), ` ${r.newAddress ?? ""}`] : ""),
    r.decisionNote ? el("div", { class: "muted" }, r.decisionNote) : null,
    r.status === "pending" && can(me, caseWorkers) ? el("div", { class: "row" }, note,
      el("button", { type: "button", class: "primary", "data-testid": "approve", onclick: () => decide("approve") }, t("approve")),
      el("button", { type: "button", "data-testid": "refuse", onclick: () => decide("refuse") }, t("refuse"))) : null,
    // An approved move is carried out by two records: the departure here, then the arrival at the new commune (which
    // finds the person under "incoming" on its requests screen).
    r.kind === "residenceChange" && r.status === "approved" && departed ? el("div", { class: "notice", "data-testid": "departure-recorded" }, t("departureRecorded")) : null,
    r.kind === "residenceChange" && r.status === "approved" && !departed && can(me, caseWorkers) ? el("div", { class: "row" },
      el("button", { type: "button", "data-testid": "record-departure", onclick: () => record("residence-departure") }, t("recordDeparture"))) : null,
    message);
}

export function requestsView(main: HTMLElement, me: Me): void {
  const list = el("ul", { class: "plain", "data-testid": "pending-requests" });
  const incoming = el("ul", { class: "plain", "data-testid": "incoming" });
  const load = async () => {
    const [pending, moves] = await Promise.all([all<WearerRequest>("/requests?status=pending"), get<IncomingMove[]>("/requests/incoming")]);
    clear(list, pending.length === 0 ? el("li", {}, t("noRequests")) : pending.map(r => requestRow(me, r, () => void load(), true)));
    clear(incoming, moves.length === 0 ? el("li", {}, t("noIncoming")) : moves.map(m => incomingRow(me, m, () => void load())));
  };
  clear(main, el("h1", {}, t("pendingRequests")), list, el("h2", {}, t("incomingMoves")), el("p", { class: "muted" }, t("incomingHint")), incoming);
  void load();
}

interface IncomingMove { fullName: string; request: WearerRequest }

/** A person moving into this commune (the old commune recorded the departure): record their arrival here. */
function incomingRow(me: Me, m: IncomingMove, changed: () => void): HTMLElement {
  const r = m.request;
  const message = el("span", { class: "error" });
  const arrive = async () => {
    try {
      await post(`/persons/${r.personId}/records/residence-arrival`, { requestId: r.id });
      changed();
    } catch (e) { message.textContent = e instanceof ApiError ? e.message : String(e); }
  };
  const address = r.newAddress ?? "—";
  const from = el("span", { "data-testid": "moving-from" }, t("movingFrom", { from: r.fromCommuneCode ?? "—", address }));
  if (r.fromCommuneCode) void communeName(r.fromCommuneCode, me.unit?.provinceCode).then(name => { from.textContent = t("movingFrom", { from: name, address }); });
  return el("li", { class: "request", "data-testid": "incoming-move", "data-person": r.personId },
    el("strong", {}, m.fullName), " — ", from,
    el("div", { class: "muted" }, `${t("approvedAt")}: ${dateTime(r.decidedAt)}`),
    el("div", { class: "row" }, el("button", { type: "button", class: "primary", "data-testid": "record-arrival", onclick: arrive }, t("recordArrival"))),
    message);
}
