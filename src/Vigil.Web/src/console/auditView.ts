// The audit log (national supervisors and administrators of the national level): every entry newest first, narrowed by
// actor, action, person and period, a page at a time; and the check of its hash chain.
import { ApiError, get, query, type Page } from "../shared/api";
import { clear, el, field } from "../shared/dom";
import { label, t } from "../shared/i18n";
import { dateTime } from "../shared/time";
import type { AuditEntry, AuditVerification, Me } from "../shared/types";
import { caseReaders, can } from "./roles";

const pageSize = 50;

/** A calendar day typed in Vietnam time, as the instant it begins (plus `days`). */
const dayStart = (day: string, days = 0) => {
  const d = new Date(`${day}T00:00:00+07:00`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString();
};

export function auditView(main: HTMLElement, me: Me, personId?: string): void {
  const message = el("p", { class: "error", role: "alert", "data-testid": "audit-error" });
  const list = el("div", {});
  const pager = el("div", { class: "row", "data-testid": "audit-pager" });
  const chain = el("p", { "data-testid": "audit-chain" });
  const filters = el("form", { class: "row", "data-testid": "audit-filters" },
    el("label", {}, t("auditActor"), el("input", { name: "actor", placeholder: t("username"), "data-testid": "audit-actor" })),
    el("label", {}, t("auditAction"), el("input", { name: "action", placeholder: "person.read", "data-testid": "audit-action" })),
    el("label", {}, t("person"), el("input", { name: "personId", value: personId ?? "", placeholder: "ID", "data-testid": "audit-person" })),
    el("label", {}, t("from"), el("input", { name: "from", type: "date", "data-testid": "audit-from" })),
    el("label", {}, t("to"), el("input", { name: "to", type: "date", "data-testid": "audit-to" })),
    el("button", { type: "submit", class: "primary", "data-testid": "audit-show" }, t("show")));
  const fail = (e: unknown) => { message.textContent = t("error", { reason: e instanceof ApiError ? e.message : String(e) }); };

  let loads = 0; // only the newest of overlapping loads draws
  const load = async (page: number) => {
    const run = ++loads;
    message.textContent = "";
    const from = field(filters, "from"), to = field(filters, "to");
    let result: Page<AuditEntry>;
    try {
      result = await get<Page<AuditEntry>>(`/audit${query({
        actor: field(filters, "actor"), action: field(filters, "action"), personId: field(filters, "personId"),
        from: from ? dayStart(from) : undefined, to: to ? dayStart(to, 1) : undefined, page: String(page), pageSize: String(pageSize),
      })}`);
    } catch (e) { fail(e); return; }
    if (run !== loads) return;
    const pages = Math.max(1, Math.ceil(result.total / pageSize));
    clear(list, result.items.length === 0 ? el("p", { "data-testid": "audit-empty" }, t("none")) : el("table", { class: "grid", "data-testid": "audit-entries" },
      el("thead", {}, el("tr", {}, ["#", t("time"), t("auditActor"), t("auditAction"), t("auditEntity"), t("person"), t("auditDetails")].map(h => el("th", {}, h)))),
      el("tbody", {}, result.items.map(a => el("tr", { "data-testid": "audit-entry", "data-sequence": a.sequence, "data-action": a.action, "data-actor": a.actorName },
        el("td", {}, a.sequence), el("td", {}, dateTime(a.at)),
        el("td", {}, a.actorName, el("div", { class: "muted" }, label("role", a.actorRole.charAt(0).toLowerCase() + a.actorRole.slice(1)))),
        el("td", {}, a.action), el("td", {}, a.entityType, a.entityId ? el("div", { class: "muted" }, a.entityId) : null),
        el("td", {}, a.personId ? (can(me, caseReaders) ? el("a", { href: `#/people/${a.personId}` }, a.personId.slice(0, 8)) : a.personId.slice(0, 8)) : "—"),
        el("td", { class: "muted" }, a.details ?? ""))))));
    clear(pager,
      el("button", { type: "button", disabled: page <= 1, "data-testid": "audit-prev", onclick: () => void load(page - 1) }, t("previousPage")),
      el("span", { "data-testid": "audit-page" }, t("pageOf", { page, pages, total: result.total })),
      el("button", { type: "button", disabled: page >= pages, "data-testid": "audit-next", onclick: () => void load(page + 1) }, t("nextPage")));
  };
  filters.addEventListener("submit", e => { e.preventDefault(); void load(1); });

  const verify = el("button", { type: "button", "data-testid": "audit-verify", onclick: async () => {
    chain.className = "";
    chain.textContent = t("loading");
    try {
      const v = await get<AuditVerification>("/audit/verify");
      chain.className = v.valid ? "notice" : "error";
      chain.dataset.valid = String(v.valid);
      chain.textContent = v.valid ? t("auditChainValid", { count: v.entriesChecked })
        : t("auditChainBroken", { sequence: v.brokenAt ?? "?", reason: v.reason ?? "", count: v.entriesChecked });
    } catch (e) { chain.textContent = ""; fail(e); }
  } }, t("auditVerify"));

  clear(main, el("h1", {}, t("navAudit")), el("p", { class: "muted" }, t("auditHint")),
    el("div", { class: "row" }, verify), chain, filters, message, list, pager);
  void load(1);
}
