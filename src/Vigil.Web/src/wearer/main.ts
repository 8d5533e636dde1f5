// The wearer app: phone-sized, installable. Only the signed-in wearer's own case: health, decision, zones,
// deadlines, notifications and requests. The server refuses anyone else's data whatever this page asks.
import L from "leaflet";
import { ApiError, get, post, session } from "../shared/api";
import { clear, el } from "../shared/dom";
import { baseMap, zoneLayer } from "../shared/geo";
import { label, languageToggle, pick, t } from "../shared/i18n";
import { loginView } from "../shared/login";
import { date, dateTime, span } from "../shared/time";
import type { Decision, Me, Notification, Scope, VitalsPoint, WearerRequest } from "../shared/types";
import { readVitals, vitalsCharts } from "../shared/vitals";
import { requestForms } from "./requestForms";

const root = document.getElementById("app")!;
let map: L.Map | null = null;
let ticker: number | undefined;

async function start(): Promise<void> {
  let me: Me | null = null;
  if (session.token) me = await get<Me>("/auth/me").catch(() => null);
  if (!me) {
    loginView(root, t("wearerAppName"), () => void start());
    return;
  }
  if (me.role !== "wearer" || !me.personId) {
    location.href = "/";
    return;
  }
  await home(me, me.personId);
}

async function home(me: Me, personId: string): Promise<void> {
  const [decisions, scope, requests, inbox, vitals] = await Promise.all([
    get<Decision[]>(`/persons/${personId}/decisions`),
    get<Scope>(`/persons/${personId}/scope`).catch(() => null),
    get<WearerRequest[]>(`/persons/${personId}/requests`),
    get<{ items: Notification[] }>("/notifications?pageSize=50").then(p => p.items),
    readVitals(personId).catch(() => [] as VitalsPoint[]),
  ]);
  const decision = decisions.find(d => d.status === "active" || d.status === "suspended") ?? decisions[0];
  const mapBox = el("div", { class: "map small", "data-testid": "wearer-map" });
  const deadlines = el("ul", { class: "plain deadlines", "data-testid": "deadlines" });
  const refresh = () => void home(me, personId);

  clear(root,
    el("header", { class: "wearer-top" }, el("strong", {}, t("hello", { name: me.displayName })), languageToggle(),
      el("button", { type: "button", onclick: () => { session.token = null; void start(); } }, t("logOut"))),
    el("section", { class: "card health", "data-testid": "health" }, el("h2", {}, t("healthTitle")), encouragement(vitals), vitalsCharts(vitals)),
    el("section", { class: "card" }, el("h2", {}, t("obligations")), deadlines),
    el("section", { class: "card", "data-testid": "inbox" }, el("h2", {}, t("inbox")),
      inbox.length === 0 ? el("p", {}, t("noNotifications")) : el("ul", { class: "plain" }, inbox.map(n => el("li", { class: n.readAt ? "read" : "unread" },
        el("strong", {}, pick(n.titleVi, n.titleEn)), el("div", {}, pick(n.bodyVi, n.bodyEn)), el("div", { class: "muted" }, dateTime(n.createdAt)),
        n.readAt ? null : el("button", { type: "button", onclick: () => void post(`/notifications/${n.id}/read`).then(refresh) }, t("markRead")))))),
    el("section", { class: "card" }, el("h2", {}, t("yourDecision")),
      decision ? el("p", { "data-testid": "wearer-decision" }, t("decisionNumber", { number: decision.number }), " — ", label("decisionStatus", decision.status),
        el("br", {}), t("period", { from: date(decision.startDate), to: date(decision.endDate) })) : el("p", {}, t("none"))),
    el("section", { class: "card" }, el("h2", {}, t("yourZones")), mapBox,
      scope ? el("ul", {}, scope.zones.map(z => el("li", {}, `${z.name} — ${label("zoneKind", z.kind)}`,
        z.schedule?.length ? ` (${z.schedule.map(w => `${w.days.map(d => label("day", d)).join(",")} ${w.from}–${w.to}`).join("; ")})` : ""))) : el("p", {}, t("noScope"))),
    el("section", { class: "card" }, el("h2", {}, t("yourRequests")),
      requests.length === 0 ? el("p", {}, t("noRequests")) : el("ul", { class: "plain", "data-testid": "my-requests" }, requests.map(r => el("li", { "data-kind": r.kind, "data-status": r.status },
        el("strong", {}, label("requestKind", r.kind)), " — ", el("span", { class: `badge req-${r.status}` }, label("requestStatus", r.status)),
        el("div", { class: "muted" }, `${dateTime(r.submittedAt)} · ${r.reason}`),
        r.decisionNote ? el("div", {}, r.decisionNote) : null,
        r.status === "pending" ? el("button", { type: "button", onclick: () => void post(`/requests/${r.id}/withdraw`).then(refresh) }, t("withdraw")) : null)))),
    el("section", { class: "card" }, el("h2", {}, t("makeRequest")), requestForms(personId, refresh)));

  const tick = () => clear(deadlines, deadlineItems(requests));
  tick();
  clearInterval(ticker);
  ticker = window.setInterval(tick, 30_000);
  map?.remove();
  map = await baseMap(mapBox, [21.0285, 105.8542], 15);
  const zones = L.featureGroup(scope?.zones.map(zoneLayer) ?? []).addTo(map);
  if (zones.getLayers().length > 0) map.fitBounds(zones.getBounds().pad(0.2));
}

function encouragement(points: VitalsPoint[]): HTMLElement {
  const steps = points.reduce((max, p) => Math.max(max, p.steps ?? 0), 0);
  return el("div", {},
    el("p", { class: "cheer" }, steps >= 5000 ? t("healthGood") : t("healthKeepGoing")),
    steps > 0 ? el("p", {}, t("stepsToday", { steps: steps.toLocaleString("vi-VN") })) : null);
}

/** Live deadlines from approved requests: reattach after a temporary removal, report to the new commune. */
function deadlineItems(requests: WearerRequest[]): HTMLElement[] {
  const now = Date.now();
  const items = requests.filter(r => r.status === "approved").flatMap(r => {
    const due = r.kind === "temporaryRemoval" ? r.expectedEnd : r.kind === "residenceChange" ? r.startsAt : null;
    if (!due || (r.kind === "residenceChange" && Date.parse(due) + 7 * 24 * 3600e3 < now)) return [];
    const what = r.kind === "temporaryRemoval" ? t("returnBy") : t("arrivalDue");
    const left = Date.parse(due) - now;
    const text = left >= 0 ? t("deadlineLeft", { what, left: span(left, t("hours"), t("minutes")) }) : t("deadlineOver", { what, left: span(left, t("hours"), t("minutes")) });
    return [el("li", { class: left >= 0 ? "due" : "overdue" }, text, el("div", { class: "muted" }, dateTime(due)))];
  });
  return items.length ? items : [el("li", {}, t("noObligations"))];
}

window.addEventListener("vigil:lang", () => void start());
window.addEventListener("vigil:signed-out", () => void start());
if ("serviceWorker" in navigator) void navigator.serviceWorker.register("/wearer/sw.js", { scope: "/wearer/" }).catch(() => undefined);
void start().catch(e => clear(root, el("p", { class: "error" }, e instanceof ApiError ? e.message : String(e))));
