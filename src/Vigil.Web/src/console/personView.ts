// One person's case: profile, decisions, zones (drawn on the map), device and records, requests, violations,
// a timeline of everything, track playback, vitals and compliance, and the export of the location history.
import L from "leaflet";
import { ApiError, call, get, type Page } from "../shared/api";
import { clear, el } from "../shared/dom";
import { baseMap, zoneLayer } from "../shared/geo";
import { label, t } from "../shared/i18n";
import { date, dateTime } from "../shared/time";
import type { AlertSummary, Decision, Device, FormalRecord, Me, Person, Scope, WearerRequest } from "../shared/types";
import { readVitals, vitalsCharts } from "../shared/vitals";
import { caseActions } from "./caseActions";
import { communeLabel } from "./communes";
import { compliancePanel } from "./compliance";
import { decisionsPanel } from "./decisions";
import { profileTools, registerView } from "./personForm";
import { requestRow } from "./requestsView";
import { locationExport } from "./locationExport";
import { can, caseWorkers, investigators, readsAudit } from "./roles";
import { trackPlayer } from "./trackPlayer";
import { zoneEditor } from "./zoneEditor";

export function personView(main: HTMLElement, me: Me, id?: string): () => void {
  if (id === "new") {
    registerView(main, me);
    return () => {};
  }
  let map: L.Map | null = null;
  let disposed = false;
  clear(main, el("p", {}, t("loading")));

  const render = async () => {
    let person: Person, etag: string | null;
    try {
      ({ data: person, etag } = await call<Person>(`/persons/${id}`));
    } catch (e) {
      clear(main, el("p", { class: "error", "data-testid": "person-error" }, e instanceof ApiError && e.status === 404 ? t("notFound") : String(e)));
      return;
    }
    const [decisions, scope, records, requests, alerts] = await Promise.all([
      get<Decision[]>(`/persons/${id}/decisions`),
      get<Scope>(`/persons/${id}/scope`).catch(() => null),
      get<FormalRecord[]>(`/persons/${id}/records`),
      get<WearerRequest[]>(`/persons/${id}/requests`),
      get<Page<AlertSummary>>(`/alerts?personId=${id}&pageSize=200`).then(p => p.items),
    ]);
    if (disposed) return;
    map?.remove();
    const worker = can(me, caseWorkers);
    const wear = wearState(records);
    const device = wear.device ? await get<Device>(`/devices/${wear.device}`).catch(() => null) : null;
    const mapBox = el("div", { class: "map medium", "data-testid": "person-map" });
    const zonesBox = el("div", {});
    const decided = records.filter(r => r.kind === "violation" || r.kind === "warning");

    clear(main,
      el("h1", { "data-testid": "person-name" }, person.fullName),
      el("p", { class: "muted" }, `${label("group", person.group)} · `, communeLabel(person.communeCode, person.provinceCode),
        readsAudit(me) ? [" · ", el("a", { href: `#/audit/${person.id}`, "data-testid": "person-audit" }, t("auditTrail"))] : null),
      el("div", { class: "person-grid" },
        el("section", { class: "card" },
          el("h2", {}, t("profile")),
          el("dl", {},
            el("dt", {}, t("nationalId")), el("dd", {}, person.nationalId),
            el("dt", {}, t("dateOfBirth")), el("dd", {}, date(person.dateOfBirth)),
            el("dt", {}, t("phone")), el("dd", {}, person.phone ?? "—"),
            el("dt", {}, t("address")), el("dd", {}, person.residenceAddress),
            el("dt", {}, t("guardians")), el("dd", {}, person.guardians.map(g => `${g.fullName} (${g.relationship}, ${g.phone})`).join("; ") || "—")),
          worker ? profileTools(person, etag, () => void render()) : null),
        el("section", { class: "card" }, el("h2", {}, t("decisions")), decisionsPanel(me, person.id, decisions, () => void render())),
        el("section", { class: "card" },
          el("h2", {}, t("device")),
          wear.device ? el("p", { "data-testid": "device-state" }, `${device?.deviceId ?? ""} · ${t("bodyPosition")}: ${label("position", wear.position)}${wear.removed ? ` · ${label("recordKind", "temporaryRemoval")}` : ""}`)
            : el("p", {}, t("noDevice")),
          worker ? caseActions(person.id, !!wear.device, wear.removed, () => void render()) : null),
        el("section", { class: "card wide" },
          el("h2", {}, t("zones")),
          scope ? el("p", { class: "muted" }, t("scopeVersion", { number: scope.number, from: dateTime(scope.effectiveFrom) })) : el("p", {}, t("noScope")),
          mapBox,
          worker ? el("button", { type: "button", "data-testid": "edit-zones", onclick: () => {
            if (!map) return;
            zonesLayer.remove();
            clear(zonesBox, zoneEditor(map, person.id, scope?.zones ?? [], () => void render()));
          } }, t("editZones")) : null,
          zonesBox,
          el("h3", {}, t("track")),
          el("div", { "data-testid": "track-box" })),
        el("section", { class: "card" }, el("h2", {}, t("compliance")), el("div", { "data-testid": "compliance-box" }, t("loading"))),
        el("section", { class: "card" }, el("h2", {}, t("locationExport")), locationExport(person.id),
          can(me, investigators) ? el("a", { href: `#/investigations/co-location/${person.id}`, "data-testid": "colo-open" }, t("tabCoLocation")) : null),
        el("section", { class: "card" }, el("h2", {}, t("vitals")), el("div", { "data-testid": "vitals-box" }, t("loading"))),
        el("section", { class: "card" }, el("h2", {}, t("requests")),
          requests.length === 0 ? el("p", {}, t("noRequests")) : el("ul", { class: "plain" }, requests.map(r => requestRow(me, r, () => void render(), false, records.some(x => x.kind === "residenceDeparture" && x.requestId === r.id))))),
        el("section", { class: "card" }, el("h2", {}, t("violations")),
          decided.length === 0 ? el("p", {}, t("none")) : el("ul", {}, decided.map(r => el("li", {}, `${dateTime(r.occurredAt)} — ${label("recordKind", r.kind)}: ${r.reason ?? ""}`)))),
        el("section", { class: "card wide" }, el("h2", {}, t("timeline")), timeline(decisions, records, requests, alerts))));

    const created = await baseMap(mapBox, person.residenceLat ? [person.residenceLat, person.residenceLon!] : [21.0285, 105.8542], 16);
    if (disposed) {
      created.remove();
      return;
    }
    map = created;
    const zonesLayer = L.layerGroup().addTo(map);
    scope?.zones.forEach(z => zoneLayer(z).addTo(zonesLayer));
    if (scope && scope.zones.length > 0) map.fitBounds(L.featureGroup(zonesLayer.getLayers() as L.Layer[]).getBounds().pad(0.2));
    main.querySelector("[data-testid=track-box]")!.replaceWith(trackPlayer(map, person.id));
    const complianceBox = main.querySelector<HTMLElement>("[data-testid=compliance-box]")!;
    compliancePanel(person.id).then(panel => clear(complianceBox, panel)).catch(e => { complianceBox.textContent = String(e); });
    const vitalsBox = main.querySelector("[data-testid=vitals-box]")!;
    readVitals(person.id).then(points => clear(vitalsBox as HTMLElement, vitalsCharts(points))).catch(e => { vitalsBox.textContent = String(e); });
  };

  void render();
  return () => { disposed = true; map?.remove(); };
}

/** The device on the person now, where, and whether it is off for an approved removal — folded from the records. */
function wearState(records: FormalRecord[]): { device: string | null; position: string | null; removed: boolean } {
  let device: string | null = null, position: string | null = null, removed = false;
  for (const r of [...records].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))) {
    if (r.kind === "attachment" || r.kind === "deviceSwap") { device = r.deviceId; position = r.position ?? position; removed = false; }
    if (r.kind === "positionChange") position = r.position ?? position;
    if (r.kind === "temporaryRemoval") removed = true;
    if (r.kind === "reattachment") removed = false;
    if (r.kind === "collection") { device = null; removed = false; }
  }
  return { device, position, removed };
}

function timeline(decisions: Decision[], records: FormalRecord[], requests: WearerRequest[], alerts: AlertSummary[]): HTMLElement {
  const items: { at: string; text: string; kind: string }[] = [
    ...decisions.flatMap(d => d.actions.map(a => ({ at: a.effectiveAt, kind: "decision", text: `${t("decisionNumber", { number: d.number })}: ${label("decisionAction", a.kind)}${a.note ? ` — ${a.note}` : ""}` }))),
    ...records.map(r => ({ at: r.occurredAt, kind: "record", text: `${label("recordKind", r.kind)}${r.reason ? ` — ${r.reason}` : ""}` })),
    ...requests.map(r => ({ at: r.submittedAt, kind: "request", text: `${label("requestKind", r.kind)} (${label("requestStatus", r.status)}) — ${r.reason}` })),
    ...alerts.map(a => ({ at: a.raisedAt, kind: `alert sev-${a.severity}`, text: `${label("rule", a.rule)} (${label("alertState", a.state)})` })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return el("ol", { class: "timeline", "data-testid": "timeline" }, items.map(i => el("li", { class: i.kind }, el("time", {}, dateTime(i.at)), " ", i.text)));
}
