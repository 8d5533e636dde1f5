// A person's monitoring decisions and their lifecycle: draft, sign (chief), start, suspend, resume, end (chief).
import { ApiError, call, post } from "../shared/api";
import { el, field, options } from "../shared/dom";
import { label, t } from "../shared/i18n";
import { date, dateTime } from "../shared/time";
import type { Decision, Me } from "../shared/types";
import { can, caseWorkers } from "./roles";

const suspensionReasons = ["criminalInvestigation", "temporaryDetention", "prisonSentence", "travelAbroad"];

export function decisionsPanel(me: Me, personId: string, decisions: Decision[], changed: () => void): HTMLElement {
  const message = el("p", { class: "error", role: "alert" });
  const chief = me.role === "communeChief";
  const worker = can(me, caseWorkers);
  const step = async (d: Decision, path: string, body: unknown = {}) => {
    try {
      await call(`/decisions/${d.id}/${path}`, { body, etag: `"${d.version}"` });
      changed();
    } catch (e) { message.textContent = t("error", { reason: e instanceof ApiError ? e.message : String(e) }); }
  };
  const suspendForm = (d: Decision) => {
    const f = el("form", { class: "row" },
      el("select", { name: "reason" }, options(suspensionReasons, r => label("suspension", r))),
      el("input", { name: "note", placeholder: t("note") }),
      el("button", { type: "submit" }, t("suspend")));
    f.addEventListener("submit", e => { e.preventDefault(); void step(d, "suspend", { reason: field(f, "reason"), note: field(f, "note") || undefined }); });
    return f;
  };
  const draft = el("form", { class: "row", "data-testid": "draft-decision" },
    el("select", { name: "durationMonths" }, options(["12", "24", "6", "3"], m => t("months", { count: m }))),
    el("input", { type: "date", name: "startDate", required: true }),
    el("button", { type: "submit" }, "+ " + t("decisions")));
  draft.addEventListener("submit", async e => {
    e.preventDefault();
    try {
      await post(`/persons/${personId}/decisions`, { durationMonths: Number(field(draft, "durationMonths")), startDate: field(draft, "startDate") });
      changed();
    } catch (error) { message.textContent = t("error", { reason: error instanceof ApiError ? error.message : String(error) }); }
  });

  return el("div", {},
    el("ul", { class: "plain" }, decisions.map(d => el("li", { "data-testid": "decision", "data-status": d.status },
      el("strong", {}, t("decisionNumber", { number: d.number })), " ",
      el("span", { class: `badge status-${d.status}` }, label("decisionStatus", d.status)),
      el("div", { class: "muted" }, t("period", { from: date(d.startDate), to: date(d.endDate) }), d.signedAt ? ` · ${t("sign")}: ${dateTime(d.signedAt)}` : ""),
      el("div", { class: "actions" },
        d.status === "draft" && chief ? el("button", { type: "button", onclick: () => step(d, "sign") }, t("sign")) : null,
        d.status === "signed" && worker ? el("button", { type: "button", onclick: () => step(d, "activate") }, t("activate")) : null,
        d.status === "suspended" && chief ? el("button", { type: "button", onclick: () => step(d, "resume") }, t("resume")) : null,
        (d.status === "active" || d.status === "suspended") && chief ? el("button", { type: "button", onclick: () => step(d, "end") }, t("end")) : null),
      d.status === "active" && chief ? suspendForm(d) : null))),
    worker ? draft : null,
    message);
}
