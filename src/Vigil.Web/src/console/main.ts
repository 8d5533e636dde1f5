// The officer console: a hash-routed single page. Each screen is a function that draws into the main area and
// returns how to tidy up (listeners, the live feed's handlers) when the officer leaves it.
import { get, session } from "../shared/api";
import { clear, el } from "../shared/dom";
import { label, languageToggle, t, type Key } from "../shared/i18n";
import { loginView } from "../shared/login";
import type { Me } from "../shared/types";
import { alertsView } from "./alertsView";
import { auditView } from "./auditView";
import { complianceView } from "./complianceView";
import { banner } from "./cue";
import { devicesView } from "./devicesView";
import { deviceView } from "./deviceView";
import { hotspotsView } from "./hotspotsView";
import { investigationsView } from "./investigationsView";
import { live } from "./live";
import { mapView } from "./mapView";
import { notificationBell } from "./notifications";
import { peopleView } from "./peopleView";
import { personView } from "./personView";
import { requestsView } from "./requestsView";
import { statisticsView } from "./statisticsView";
import { caseReaders, can, screens, type Screen } from "./roles";
import { unitsView } from "./unitsView";
import { usersView } from "./usersView";
import { personName } from "./names";

export type View = (main: HTMLElement, me: Me, param?: string) => void | (() => void);

const views: Record<Screen, View> = {
  map: mapView, alerts: alertsView, people: peopleView, requests: requestsView, devices: devicesView, hotspots: hotspotsView, statistics: statisticsView, investigations: investigationsView, users: usersView,
  compliance: complianceView,
  units: unitsView, audit: auditView,
};
const navKeys: Record<Screen, Key> = {
  map: "navMap", alerts: "navAlerts", people: "navPeople", requests: "navRequests", devices: "navDevices", hotspots: "navHotspots", statistics: "navStatistics", investigations: "navInvestigations", users: "navUsers",
  compliance: "navCompliance", units: "navUnits", audit: "navAudit",
};

const root = document.getElementById("app")!;
let me: Me | null = null;
let cleanup: (() => void) | void;

async function start(): Promise<void> {
  if (session.token) {
    try {
      me = await get<Me>("/auth/me");
    } catch {
      session.token = null;
    }
  }
  if (!me) return showLogin();
  if (me.role === "wearer" || me.role === "guardian") {
    location.href = "/wearer/";
    return;
  }
  if (can(me, caseReaders)) {
    await live.start();
    live.onAlert(async a => {
      if (a.severity === "critical" && a.state === "open") {
        banner(t("criticalAlert", { rule: label("rule", a.rule), person: await personName(a.personId) }), () => { location.hash = `#/alerts/${a.alertId}`; });
      }
    });
  }
  route();
}

function showLogin(): void {
  shown = null;
  cleanup?.();
  loginView(root, t("appName"), signedIn => {
    me = signedIn;
    if (location.hash === "" || location.hash === "#/login") location.hash = `#/${screens(signedIn)[0] ?? "people"}`;
    void start();
  });
}

/** The hash whose screen is drawn: a second call for it (the log-in's hash change, then start() once the live feed is up)
 * must not draw the screen again under the officer's hands. */
let shown: string | null = null;

function route(force = false): void {
  if (!me) return showLogin();
  if (!force && location.hash === shown) return;
  shown = location.hash;
  cleanup?.();
  cleanup = undefined;
  const allowed = screens(me);
  const [, screen, param] = location.hash.split("/");
  const current = (allowed.includes(screen as Screen) ? screen : allowed[0]) as Screen | undefined;
  const main = el("main", { id: "main" });
  const status = el("span", { class: `live-state ${live.connected ? "on" : "off"}`, "data-testid": "live-state" }, live.connected ? t("live") : t("offline"));
  live.onState(on => { status.className = `live-state ${on ? "on" : "off"}`; status.textContent = on ? t("live") : t("offline"); });
  const nav = el("nav", {}, allowed.map(s => el("a", { href: `#/${s}`, class: s === current ? "active" : "", "data-testid": `nav-${s}` }, t(navKeys[s]))));
  clear(root,
    el("header", { class: "topbar" },
      el("strong", { class: "brand" }, "Vigil"),
      nav,
      el("span", { class: "spacer" }),
      can(me, caseReaders) ? status : null,
      notificationBell(),
      el("span", { class: "who", "data-testid": "who" }, `${me.displayName} · ${label("role", me.role)}${me.unit ? ` · ${me.unit.name}` : ""}`),
      languageToggle(),
      el("button", { type: "button", "data-testid": "logout", onclick: logOut }, t("logOut"))),
    el("div", { id: "banners" }),
    main);
  if (!current) return;
  const view = screen === "people" && param ? personView : screen === "devices" && current === "devices" && param ? deviceView : views[current];
  cleanup = view(main, me, param ? decodeURIComponent(param) : undefined);
}

async function logOut(): Promise<void> {
  session.token = null;
  me = null;
  await live.stop();
  location.hash = "#/login";
  showLogin();
}

window.addEventListener("hashchange", () => route());
window.addEventListener("vigil:lang", () => (me ? route(true) : showLogin()));
window.addEventListener("vigil:signed-out", () => { me = null; void live.stop(); showLogin(); });
void start();
