// The hotspot registry: a map of the visible hotspots; editors draw a new one (polygon) or import a GeoJSON file.
import L from "leaflet";
import { ApiError, all, call, post } from "../shared/api";
import { clear, el, field, options } from "../shared/dom";
import { baseMap, geometryLayer } from "../shared/geo";
import { label, t } from "../shared/i18n";
import type { Hotspot, Me } from "../shared/types";
import { can, hotspotEditors } from "./roles";

const categories = ["bar", "disco", "karaoke", "hotel", "guesthouse", "apartment", "homestay", "resort", "other"];

export function hotspotsView(main: HTMLElement, me: Me): () => void {
  const mapBox = el("div", { class: "map medium", "data-testid": "hotspot-map" });
  const list = el("ul", { class: "plain" });
  const message = el("p", { class: "error", role: "alert" });
  const editor = can(me, hotspotEditors);
  let map: L.Map | null = null;
  const layer = L.layerGroup();
  let corners: L.LatLng[] = [];
  const preview = L.polyline([], { color: "#c0392b", dashArray: "4 4" });
  const fail = (e: unknown) => { message.textContent = t("error", { reason: e instanceof ApiError ? e.message : String(e) }); };

  const load = async () => {
    const hotspots = await all<Hotspot>("/hotspots");
    layer.clearLayers();
    hotspots.forEach(h => geometryLayer(h.geometry, h.circle, { color: "#c0392b", weight: 1, fillOpacity: 0.25 })?.bindTooltip(h.name).addTo(layer));
    clear(list, hotspots.map(h => el("li", {}, `${h.name} — ${label("hotspotCategory", h.category)} (${h.status})`)));
  };

  const create = el("form", { class: "row", "data-testid": "hotspot-form" },
    el("input", { name: "name", placeholder: t("hotspotName"), required: true }),
    el("select", { name: "category" }, options(categories, c => label("hotspotCategory", c))),
    el("span", { class: "muted" }, t("drawHint")),
    el("button", { type: "submit" }, t("save")));
  create.addEventListener("submit", async e => {
    e.preventDefault();
    if (corners.length < 3) return fail(t("drawHint"));
    const ring = corners.map(c => [c.lng, c.lat]);
    ring.push(ring[0]);
    try {
      await post("/hotspots", { name: field(create, "name"), category: field(create, "category"), geometry: { type: "Polygon", coordinates: [ring] } });
      corners = [];
      preview.setLatLngs([]);
      create.reset();
      await load();
    } catch (error) { fail(error); }
  });
  const file = el("input", { type: "file", accept: ".json,.geojson,application/geo+json", "data-testid": "geojson-file" });
  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    try {
      const { data } = await call<{ added: number; updated: number; rejected: unknown[] }>("/hotspots/import", { raw: await f.text() });
      message.textContent = t("imported", { added: data.added, updated: data.updated, rejected: data.rejected.length });
      await load();
    } catch (error) { fail(error); }
  });

  clear(main, el("h1", {}, t("navHotspots")), mapBox,
    editor ? [el("h2", {}, t("newHotspot")), create, el("label", {}, t("importGeoJson"), " ", file)] : null, message, list);
  void (async () => {
    map = await baseMap(mapBox);
    layer.addTo(map);
    preview.addTo(map);
    if (editor) map.on("click", e => { corners.push(e.latlng); preview.setLatLngs(corners); });
    await load();
    if (layer.getLayers().length > 0) map.fitBounds(L.featureGroup(layer.getLayers()).getBounds().pad(0.2));
  })();
  return () => map?.remove();
}
