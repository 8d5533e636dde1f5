// The live map: everyone's latest position (clustered), their zones, hotspots, commune boundaries and open alerts,
// moved by the live feed. Clicking a person opens their case.
import L from "leaflet";
import "leaflet.markercluster";
import { all, get } from "../shared/api";
import { clear, el } from "../shared/dom";
import { baseMap, communeBoundaries, geometryLayer, zoneLayer } from "../shared/geo";
import { label, t } from "../shared/i18n";
import { dateTime } from "../shared/time";
import type { AlertSummary, Hotspot, LatestPosition, LivePosition, Me, Province, Scope } from "../shared/types";
import { live } from "./live";
import { personLink, personName, remember } from "./names";

const severityRank = { critical: 0, high: 1, medium: 2 } as const;

export function mapView(main: HTMLElement, me: Me): () => void {
  const mapBox = el("div", { class: "map big", "data-testid": "live-map" });
  const side = el("aside", { class: "side" });
  clear(main, el("div", { class: "map-layout" }, mapBox, side));
  const markers = new Map<string, L.Marker>();
  const worst = new Map<string, AlertSummary>();
  const cleanups: (() => void)[] = [];
  let map: L.Map | null = null;
  let disposed = false;
  // When each person's newest position was measured: the map only moves forward (a late push or the first read racing
  // the feed never puts a person back where they were).
  const newestAt = new Map<string, number>();
  const isNewest = (p: { personId: string; measuredAt: string }) => {
    const at = Date.parse(p.measuredAt);
    if (at < (newestAt.get(p.personId) ?? -Infinity)) return false;
    newestAt.set(p.personId, at);
    return true;
  };
  // Positions pushed while the map is still loading wait here, newest per person, so that none is lost.
  const early = new Map<string, LivePosition>();
  let onPosition = (p: LivePosition) => { if (isNewest(p)) early.set(p.personId, p); };
  cleanups.push(live.onPosition(p => onPosition(p)));

  const icon = (personId: string) => {
    const alert = worst.get(personId);
    return L.divIcon({
      className: `person-marker ${alert ? `alert ${alert.severity}` : ""}`,
      html: `<span data-person="${personId}"></span>`,
      iconSize: [18, 18],
    });
  };

  const place = (p: { personId: string; lat: number; lon: number; measuredAt: string }, cluster: L.MarkerClusterGroup) => {
    if (!isNewest(p)) return;
    let marker = markers.get(p.personId);
    if (!marker) {
      marker = L.marker([p.lat, p.lon], { icon: icon(p.personId) });
      marker.on("click", () => { location.hash = `#/people/${p.personId}`; });
      markers.set(p.personId, marker);
      cluster.addLayer(marker);
      // The first person on an empty map: go there.
      if (markers.size === 1 && map) map.setView([p.lat, p.lon], 16);
    } else {
      marker.setLatLng([p.lat, p.lon]);
    }
    void personName(p.personId).then(name => marker!.bindTooltip(`${name} — ${t("lastSeen", { time: dateTime(p.measuredAt) })}`));
  };

  const drawAlerts = async () => {
    const alerts = await all<AlertSummary>("/alerts");
    if (disposed) return;
    worst.clear();
    for (const a of alerts) {
      const current = worst.get(a.personId);
      if (!current || severityRank[a.severity] < severityRank[current.severity]) worst.set(a.personId, a);
    }
    for (const [id, marker] of markers) marker.setIcon(icon(id));
    clear(side,
      el("h2", {}, t("navAlerts"), " ", el("span", { class: "count", "data-testid": "map-alert-count" }, String(alerts.length))),
      alerts.length === 0 ? el("p", {}, t("noAlerts")) : el("ul", { class: "alert-list", "data-testid": "map-alerts" }, alerts.map(a =>
        el("li", { class: `sev-${a.severity}` },
          el("a", { href: `#/alerts/${a.id}` }, label("rule", a.rule)), " — ", personLink(a.personId),
          el("div", { class: "muted" }, dateTime(a.raisedAt))))),
      el("p", { class: "muted", "data-testid": "people-count" }, t("peopleOnMap", { count: markers.size })));
  };

  void (async () => {
    const [positions, provinces] = await Promise.all([get<LatestPosition[]>("/positions/latest"), all<Province>("/provinces")]);
    if (disposed) return;
    remember(positions);
    const province = provinces.find(p => p.code === me.unit?.provinceCode);
    const created = await baseMap(mapBox, province ? [province.centreLat, province.centreLon] : [16.0, 106.0], province ? 13 : 6);
    if (disposed) {
      created.remove();
      return;
    }
    map = created;
    const cluster = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
    const zones = L.layerGroup();
    const hotspots = L.layerGroup();
    const overlays: Record<string, L.Layer> = { [t("layerZones")]: zones, [t("layerHotspots")]: hotspots };
    if (me.unit?.provinceCode) {
      const boundaries = await communeBoundaries(me.unit.provinceCode, me.unit.communeCode ?? undefined);
      if (disposed) return;
      overlays[t("layerCommunes")] = boundaries.addTo(map);
    }
    for (const p of positions) place(p, cluster);
    cluster.addTo(map);
    zones.addTo(map);
    hotspots.addTo(map);
    L.control.layers(undefined, overlays).addTo(map);
    if (positions.length > 0) map.fitBounds(L.latLngBounds(positions.map(p => [p.lat, p.lon] as L.LatLngTuple)).pad(0.3), { maxZoom: 16 });
    await drawAlerts();
    if (disposed) return;

    onPosition = p => place(p, cluster);
    early.forEach(onPosition);
    mapBox.dataset.ready = "true";
    let pending: number | undefined;
    cleanups.push(live.onAlert(() => { clearTimeout(pending); pending = window.setTimeout(() => void drawAlerts(), 300); }));

    const active = await all<Hotspot>("/hotspots?status=active");
    if (disposed) return;
    for (const h of active) {
      geometryLayer(h.geometry, h.circle, { color: "#c0392b", weight: 1, fillOpacity: 0.2 })?.bindTooltip(`${h.name} (${label("hotspotCategory", h.category)})`).addTo(hotspots);
    }
    // Zones per person: one read each, so only for a commune-sized map.
    if (positions.length <= 200) {
      for (const p of positions) {
        const scope = await get<Scope>(`/persons/${p.personId}/scope`).catch(() => null);
        if (disposed) return;
        scope?.zones.forEach(z => zoneLayer(z).addTo(zones));
      }
    }
  })();

  return () => { disposed = true; cleanups.forEach(c => c()); map?.remove(); };
}
