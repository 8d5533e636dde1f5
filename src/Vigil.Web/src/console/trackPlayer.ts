// Track playback: the person's positions over a chosen period, drawn as a line, with a slider that moves a marker
// through time.
import L from "leaflet";
import { ApiError, get, query } from "../shared/api";
import { clear, el } from "../shared/dom";
import { t } from "../shared/i18n";
import { dateTime, fromLocalInput, toLocalInput } from "../shared/time";
import type { Track } from "../shared/types";

export function trackPlayer(map: L.Map, personId: string): HTMLElement {
  const layer = L.layerGroup().addTo(map);
  const now = new Date();
  const from = el("input", { type: "datetime-local", name: "from", "data-testid": "track-from", value: toLocalInput(new Date(now.getTime() - 24 * 3600e3)) });
  const to = el("input", { type: "datetime-local", name: "to", "data-testid": "track-to", value: toLocalInput(new Date(now.getTime() + 3600e3)) });
  const out = el("div", { class: "track-out", "data-testid": "track-out" });

  const load = async () => {
    layer.clearLayers();
    let track: Track;
    try {
      track = await get<Track>(`/persons/${personId}/track${query({ from: fromLocalInput(from.value), to: fromLocalInput(to.value) })}`);
    } catch (e) {
      clear(out, el("p", { class: "error" }, e instanceof ApiError ? e.message : String(e)));
      return;
    }
    if (track.points.length === 0) {
      clear(out, el("p", {}, t("noTrack")));
      return;
    }
    const line = track.points.map(p => [p.lat, p.lon] as L.LatLngTuple);
    L.polyline(line, { color: "#1f5fbf", weight: 3, opacity: 0.7 }).addTo(layer);
    const marker = L.circleMarker(line[0], { radius: 8, color: "#0b3d91", fillOpacity: 0.9 }).addTo(layer);
    map.fitBounds(L.latLngBounds(line).pad(0.2), { maxZoom: 17 });
    const at = el("span", { "data-testid": "track-time" }, dateTime(track.points[0].measuredAt));
    const slider = el("input", { type: "range", min: 0, max: track.points.length - 1, value: 0, step: 1, "data-testid": "track-slider" });
    slider.addEventListener("input", () => {
      const p = track.points[Number(slider.value)];
      marker.setLatLng([p.lat, p.lon]);
      at.textContent = dateTime(p.measuredAt);
    });
    clear(out, el("p", {}, t("trackPoints", { count: track.points.length }), track.truncated ? " (…)" : ""), slider, at);
  };

  return el("div", { class: "track" },
    el("div", { class: "row" }, el("label", {}, t("from"), from), el("label", {}, t("to"), to),
      el("button", { type: "button", "data-testid": "show-track", onclick: load }, t("showTrack"))),
    out);
}
