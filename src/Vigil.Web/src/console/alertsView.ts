// The alert queue: most severe then oldest first (the server's order), counts per state, filters; one alert with its
// evidence on a small map, and the officer's actions: acknowledge, resolve with outcome and note, escalate, notes.
import L from "leaflet";
import { ApiError, call, get, post, query, type Page } from "../shared/api";
import { clear, el, field, options } from "../shared/dom";
import { baseMap } from "../shared/geo";
import { label, t } from "../shared/i18n";
import { dateTime } from "../shared/time";
import type { Alert, AlertCounts, AlertSummary, Me } from "../shared/types";
import { live } from "./live";
import { personLink } from "./names";
import { can, caseWorkers, responders } from "./roles";

const rules = ["tamper", "notWorn", "selfRemoval", "batteryDepleted", "outsideArea", "residenceChangeUnreported", "arrivalNotReported",
  "hotspotEntry", "offline", "overdueReattachment", "overdueMalfunctionReport", "gathering", "possibleOverdose", "possibleDrugUse"];
const outcomes = ["confirmedViolation", "excused", "falseAlarm", "deviceFault"];

export function alertsView(main: HTMLElement, me: Me, alertId?: string): () => void {
  const filters = { state: "", severity: "", rule: "" };
  const counts = el("p", { class: "counts", "data-testid": "alert-counts" });
  const list = el("div", { class: "queue" });
  const detail = el("section", { class: "detail", "data-testid": "alert-detail" });
  let detailMap: L.Map | null = null;

  const select = (name: keyof typeof filters, values: string[], group: "alertState" | "severity" | "rule") =>
    el("select", { name, "data-testid": `filter-${name}`, onchange: (e: Event) => { filters[name] = (e.target as HTMLSelectElement).value; void load(); } },
      el("option", { value: "" }, `${t(name === "rule" ? "rule" : name === "state" ? "state" : "severity")}: ${t("all")}`),
      options(values, v => label(group, v)));

  const load = async () => {
    const q = query(filters);
    const [page, c] = await Promise.all([
      get<Page<AlertSummary>>(`/alerts${q}${q ? "&" : "?"}pageSize=200`),
      get<AlertCounts>(`/alerts/counts${query({ severity: filters.severity, rule: filters.rule })}`),
    ]);
    counts.textContent = t("counts", { ...c });
    clear(list, page.items.length === 0 ? el("p", {}, t("noAlerts")) : el("table", { class: "grid", "data-testid": "alert-queue" },
      el("thead", {}, el("tr", {}, [t("severity"), t("rule"), t("person"), t("raisedAt"), t("state")].map(h => el("th", {}, h)))),
      el("tbody", {}, page.items.map(a => el("tr", {
        class: `sev-${a.severity} ${a.id === alertId ? "selected" : ""}`, "data-testid": "alert-row", "data-alert": a.id, "data-state": a.state,
        onclick: () => { location.hash = `#/alerts/${a.id}`; },
      },
        el("td", {}, el("span", { class: `badge sev-${a.severity}` }, label("severity", a.severity))),
        el("td", {}, label("rule", a.rule), a.escalatedAt ? el("span", { class: "badge" }, t("escalated")) : null),
        el("td", {}, personLink(a.personId)),
        el("td", {}, dateTime(a.raisedAt)),
        el("td", {}, label("alertState", a.state)))))));
  };

  const show = async (id: string) => {
    detailMap?.remove();
    detailMap = null;
    let reply;
    try {
      reply = await call<Alert>(`/alerts/${id}`);
    } catch (e) {
      clear(detail, el("p", { class: "error" }, e instanceof ApiError && e.status === 404 ? t("notFound") : String(e)));
      return;
    }
    const a = reply.data;
    const etag = reply.etag ?? `"${a.version}"`;
    const message = el("p", { class: "error", role: "alert" });
    const act = async (path: string, body: unknown) => {
      try {
        await post(`/alerts/${a.id}/${path}`, body, etag);
        await Promise.all([load(), show(a.id)]);
      } catch (e) { message.textContent = t("error", { reason: e instanceof Error ? e.message : String(e) }); }
    };
    const resolveForm = el("form", { class: "stack", "data-testid": "resolve-form" },
      el("label", {}, t("outcome"), el("select", { name: "outcome", required: true }, options(outcomes, v => label("outcome", v)))),
      el("label", {}, t("note"), el("textarea", { name: "note", required: true, rows: 2 })),
      el("label", { class: "inline" }, el("input", { type: "checkbox", name: "issueWarning" }), t("issueWarning")),
      el("button", { type: "submit", class: "primary" }, t("resolve")));
    resolveForm.addEventListener("submit", e => {
      e.preventDefault();
      void act("resolve", {
        outcome: field(resolveForm, "outcome"), note: field(resolveForm, "note"),
        issueWarning: (resolveForm.elements.namedItem("issueWarning") as HTMLInputElement).checked,
      });
    });
    const noteForm = el("form", { class: "row", "data-testid": "note-form" }, el("input", { name: "text", placeholder: t("note"), required: true }), el("button", { type: "submit" }, t("save")));
    noteForm.addEventListener("submit", e => { e.preventDefault(); void post(`/alerts/${a.id}/notes`, { text: field(noteForm, "text") }).then(() => { noteForm.reset(); return show(a.id); }); });
    const evidenceMap = el("div", { class: "map small", "data-testid": "evidence-map" });
    const open = a.state !== "resolved";
    // A live update of this alert (another officer acknowledged it, a note was added) draws it again: keep what the
    // officer has started to type or choose, or a resolution would go out with the default outcome.
    const drafts = detail.dataset.shown === a.id ? [...detail.querySelectorAll<HTMLInputElement>("form [name]")] : [];
    detail.dataset.shown = a.id;
    clear(detail,
      el("h2", {}, el("span", { class: `badge sev-${a.severity}` }, label("severity", a.severity)), " ", label("rule", a.rule),
        a.violationNumber ? ` (${a.violationNumber})` : ""),
      el("p", {}, personLink(a.personId), " · ", a.deviceId ?? "", " · ", label("alertState", a.state)),
      el("p", {}, `${t("since")}: ${dateTime(a.conditionSince)} · ${t("raisedAt")}: ${dateTime(a.raisedAt)}`),
      a.conditionEndedAt ? el("p", { class: "muted" }, t("conditionEnded", { time: dateTime(a.conditionEndedAt) })) : null,
      a.detail ? el("p", {}, a.detail) : null,
      el("h3", {}, t("evidence")),
      evidenceMap,
      el("ul", { class: "evidence" }, a.evidence.map(e => el("li", {}, `${dateTime(e.at)} — ${e.reading}`))),
      Object.keys(a.parameters).length ? el("p", { class: "muted" }, `${t("parameters")}: ${Object.entries(a.parameters).map(([k, v]) => `${k}=${v}`).join(", ")}`) : null,
      a.resolution ? el("p", {}, `${label("outcome", a.outcome)} — ${a.resolution}`) : null,
      open ? el("div", { class: "actions" },
        a.state === "open" && can(me, responders) ? el("button", { type: "button", "data-testid": "acknowledge", onclick: () => act("acknowledge", {}) }, t("acknowledge")) : null,
        !a.escalatedAt && can(me, caseWorkers) ? el("button", { type: "button", "data-testid": "escalate", onclick: () => act("escalate", {}) }, t("escalate")) : null) : null,
      open && can(me, caseWorkers) ? resolveForm : null,
      message,
      el("h3", {}, t("notes")),
      el("ul", {}, a.notes.map(n => el("li", {}, `${dateTime(n.at)} — ${n.text}`))),
      can(me, responders) ? noteForm : null);
    for (const old of drafts) {
      const now = detail.querySelector<HTMLInputElement>(`form[data-testid="${old.form?.dataset.testid}"] [name="${old.name}"]`);
      if (now) { now.value = old.value; now.checked = old.checked; }
    }
    const located = a.evidence.filter(e => e.lat !== null && e.lon !== null);
    if (located.length > 0) {
      detailMap = await baseMap(evidenceMap, [located[0].lat!, located[0].lon!], 16);
      const line = located.map(e => [e.lat!, e.lon!] as L.LatLngTuple);
      L.polyline(line, { color: "#c0392b" }).addTo(detailMap);
      located.forEach(e => L.circleMarker([e.lat!, e.lon!], { radius: 5, color: "#c0392b" }).bindTooltip(dateTime(e.at)).addTo(detailMap!));
    } else {
      evidenceMap.remove();
    }
  };

  clear(main, el("div", { class: "two-cols" },
    el("section", {},
      el("h1", {}, t("navAlerts")),
      counts,
      el("div", { class: "filters" }, select("state", ["open", "acknowledged", "resolved"], "alertState"),
        select("severity", ["critical", "high", "medium"], "severity"), select("rule", rules, "rule")),
      list),
    detail));
  void load();
  if (alertId) void show(alertId);
  const off = live.onAlert(a => { void load(); if (a.alertId === alertId) void show(a.alertId); });
  return () => { off(); detailMap?.remove(); };
}
