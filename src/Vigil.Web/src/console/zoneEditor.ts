// Drawing and editing a person's zones on the map: polygons by clicking their corners, circles by their centre and
// a radius; kind, name and a weekly schedule per zone. Saving registers a new scope version (the server validates).
import L from "leaflet";
import { ApiError, post } from "../shared/api";
import { clear, el, options } from "../shared/dom";
import { zoneColours, zoneLayer } from "../shared/geo";
import { label, t } from "../shared/i18n";
import type { ScheduleWindow, Zone } from "../shared/types";

const kinds = ["residence", "work", "activity", "travel"];
const days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

export function zoneEditor(map: L.Map, personId: string, initial: Zone[], saved: () => void): HTMLElement {
  const zones: Zone[] = initial.map(z => ({ kind: z.kind, name: z.name, geometry: z.geometry ?? null, circle: z.circle ?? null, schedule: z.schedule ?? null }));
  const layers = L.layerGroup().addTo(map);
  const panel = el("div", { class: "zone-editor", "data-testid": "zone-editor" });
  const message = el("p", { class: "error", role: "alert" });
  let drawing: { kind: "polygon" | "circle"; points: L.LatLng[]; preview: L.Layer | null } | null = null;

  const redraw = () => {
    layers.clearLayers();
    zones.forEach(z => zoneLayer(z).addTo(layers));
    if (drawing?.preview) drawing.preview.addTo(layers);
    render();
  };

  const onClick = (e: L.LeafletMouseEvent) => {
    if (!drawing) return;
    if (drawing.kind === "circle") {
      zones.push({ kind: zones.length === 0 ? "residence" : "activity", name: `${t("zoneName")} ${zones.length + 1}`, circle: { lat: e.latlng.lat, lon: e.latlng.lng, radiusMeters: 150 }, geometry: null, schedule: null });
      drawing = null;
      map.getContainer().classList.remove("drawing");
    } else {
      drawing.points.push(e.latlng);
      drawing.preview = L.polyline(drawing.points, { color: "#333", dashArray: "4 4" });
    }
    redraw();
  };
  map.on("click", onClick);

  const finishPolygon = () => {
    if (drawing?.kind === "polygon" && drawing.points.length >= 3) {
      const ring = drawing.points.map(p => [round(p.lng), round(p.lat)]);
      ring.push(ring[0]);
      zones.push({ kind: zones.length === 0 ? "residence" : "work", name: `${t("zoneName")} ${zones.length + 1}`, geometry: { type: "Polygon", coordinates: [ring] }, circle: null, schedule: null });
    }
    drawing = null;
    map.getContainer().classList.remove("drawing");
    redraw();
  };

  const scheduleEditor = (zone: Zone) => el("div", { class: "schedule" },
    (zone.schedule ?? []).map((w, i) => el("div", { class: "row" },
      days.map(d => el("label", { class: "inline day" }, el("input", {
        type: "checkbox", checked: w.days.includes(d),
        onchange: (e: Event) => { w.days = (e.target as HTMLInputElement).checked ? [...w.days, d] : w.days.filter(x => x !== d); },
      }), label("day", d))),
      el("input", { type: "time", value: w.from, onchange: (e: Event) => { w.from = (e.target as HTMLInputElement).value; } }),
      el("input", { type: "time", value: w.to, onchange: (e: Event) => { w.to = (e.target as HTMLInputElement).value; } }),
      el("button", { type: "button", onclick: () => { zone.schedule!.splice(i, 1); render(); } }, "×"))),
    el("button", { type: "button", onclick: () => {
      const w: ScheduleWindow = { days: days.slice(0, 5), from: "07:00", to: "18:00" };
      zone.schedule = [...(zone.schedule ?? []), w];
      render();
    } }, t("addWindow")));

  const render = () => clear(panel,
    el("div", { class: "actions" },
      el("button", { type: "button", "data-testid": "draw-polygon", onclick: () => { drawing = { kind: "polygon", points: [], preview: null }; map.getContainer().classList.add("drawing"); render(); } }, t("drawPolygon")),
      el("button", { type: "button", "data-testid": "draw-circle", onclick: () => { drawing = { kind: "circle", points: [], preview: null }; map.getContainer().classList.add("drawing"); render(); } }, t("drawCircle")),
      drawing?.kind === "polygon" ? el("button", { type: "button", class: "primary", "data-testid": "finish-drawing", onclick: finishPolygon }, t("finishDrawing")) : null),
    drawing ? el("p", { class: "muted" }, drawing.kind === "polygon" ? t("drawHint") : t("circleHint")) : null,
    zones.map((z, i) => el("fieldset", { class: "zone", "data-testid": "zone-item" },
      el("legend", { style: `color:${zoneColours[z.kind] ?? "#333"}` }, `${i + 1}. ${label("zoneKind", z.kind)}`),
      el("div", { class: "row" },
        el("label", {}, t("zoneKind"), el("select", { onchange: (e: Event) => { z.kind = (e.target as HTMLSelectElement).value; redraw(); } }, options(kinds, k => label("zoneKind", k), z.kind))),
        el("label", {}, t("zoneName"), el("input", { value: z.name, "data-testid": "zone-name", onchange: (e: Event) => { z.name = (e.target as HTMLInputElement).value; } })),
        z.circle ? el("label", {}, t("radius"), el("input", { type: "number", min: 10, max: 100000, value: z.circle.radiusMeters, onchange: (e: Event) => { z.circle!.radiusMeters = Number((e.target as HTMLInputElement).value); redraw(); } })) : null,
        el("button", { type: "button", onclick: () => { zones.splice(i, 1); redraw(); } }, t("removeZone"))),
      el("div", { class: "muted" }, t("schedule")),
      scheduleEditor(z))),
    el("button", { type: "button", class: "primary", "data-testid": "save-scope", onclick: save }, t("saveScope")),
    message);

  const save = async () => {
    try {
      const body = zones.map(z => ({ kind: z.kind, name: z.name, geometry: z.geometry ?? undefined, circle: z.circle ?? undefined, schedule: z.schedule?.length ? z.schedule : undefined }));
      await post(`/persons/${personId}/scope`, { zones: body });
      map.off("click", onClick);
      layers.remove();
      saved();
    } catch (e) {
      message.textContent = t("error", { reason: e instanceof ApiError ? e.message : String(e) });
    }
  };

  redraw();
  return panel;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;
