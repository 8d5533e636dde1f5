// The hotspot registry: the visible hotspots on a map and in a table. Editors draw a new one (a polygon by its corners
// or a circle by its centre and radius), edit one (name, category, status, notes, and optionally a newly drawn shape),
// retire one, or import a GeoJSON FeatureCollection. National entries are maintained by the national level only.
import L from "leaflet";
import { ApiError, all, call } from "../shared/api";
import { clear, el, field, options } from "../shared/dom";
import { baseMap, geometryLayer } from "../shared/geo";
import { label, t } from "../shared/i18n";
import type { Circle, Hotspot, Me } from "../shared/types";
import { can, hotspotEditors } from "./roles";

export const hotspotCategories = ["bar", "disco", "karaoke", "hotel", "guesthouse", "apartment", "homestay", "resort", "other"];
const statuses = ["active", "underReview", "retired"];
const style = (h: Hotspot) => ({ color: h.status === "retired" ? "#7f8c8d" : "#c0392b", weight: 1, fillOpacity: h.status === "retired" ? 0.08 : 0.25 });

type Shape = { geometry: GeoJSON.Polygon; circle?: undefined } | { circle: Circle; geometry?: undefined };

export function hotspotsView(main: HTMLElement, me: Me): () => void {
  const mapBox = el("div", { class: "map medium", "data-testid": "hotspot-map" });
  const list = el("div", {});
  const message = el("p", { class: "error", role: "alert", "data-testid": "hotspot-message" });
  const editor = can(me, hotspotEditors);
  const national = me.unit?.level === "national";
  let map: L.Map | null = null;
  const layer = L.layerGroup();
  const layers = new Map<string, L.Layer>();
  let mode: "polygon" | "circle" = "polygon";
  let corners: L.LatLng[] = [];
  let centre: L.LatLng | null = null;
  let editing: { hotspot: Hotspot; etag: string } | null = null;
  const preview = L.layerGroup();
  const fail = (e: unknown) => { message.className = "error"; message.textContent = t("error", { reason: e instanceof ApiError ? e.message : String(e) }); };
  const say = (text: string) => { message.className = "notice"; message.textContent = text; };

  const radius = el("input", { name: "radius", type: "number", min: 10, max: 5000, value: 100, "data-testid": "hotspot-radius" });
  radius.defaultValue = "100";
  const hint = el("span", { class: "muted" }, t("hotspotPolygonHint"));

  /** The shape drawn on the map, if any. */
  const drawn = (): Shape | null => {
    if (mode === "circle") return centre ? { circle: { lat: centre.lat, lon: centre.lng, radiusMeters: Number(radius.value) } } : null;
    if (corners.length < 3) return null;
    const ring = corners.map(c => [c.lng, c.lat]);
    ring.push(ring[0]);
    return { geometry: { type: "Polygon", coordinates: [ring] } };
  };
  const redrawPreview = () => {
    preview.clearLayers();
    if (mode === "circle" && centre) L.circle(centre, { radius: Number(radius.value), color: "#c0392b", dashArray: "4 4" }).addTo(preview);
    if (mode === "polygon" && corners.length) L.polyline(corners, { color: "#c0392b", dashArray: "4 4" }).addTo(preview);
  };
  const resetDrawing = () => { corners = []; centre = null; redrawPreview(); };
  radius.addEventListener("input", redrawPreview);
  const setMode = (m: "polygon" | "circle") => {
    mode = m;
    resetDrawing();
    hint.textContent = m === "polygon" ? t("hotspotPolygonHint") : t("circleHint");
    radius.parentElement!.hidden = m !== "circle";
  };

  const mayEdit = (h: Hotspot) => editor && (h.provinceCode !== null || national);

  let loads = 0; // only the newest of overlapping loads draws
  const load = async () => {
    const run = ++loads;
    const hotspots = await all<Hotspot>("/hotspots");
    if (run !== loads) return;
    layer.clearLayers();
    layers.clear();
    for (const h of hotspots) {
      const l = geometryLayer(h.geometry, h.circle, style(h))?.bindTooltip(h.name);
      if (l) { l.addTo(layer); layers.set(h.id, l); }
    }
    clear(list, hotspots.length === 0 ? el("p", { class: "muted" }, t("none")) : el("table", { class: "grid", "data-testid": "hotspots" },
      el("thead", {}, el("tr", {}, [t("hotspotName"), t("category"), t("state"), t("registry"), t("actions")].map(h => el("th", {}, h)))),
      el("tbody", {}, hotspots.map(h => el("tr", { "data-testid": "hotspot-row", "data-hotspot": h.id, "data-status": h.status, onclick: () => focus(h.id) },
        el("td", {}, h.name), el("td", {}, label("hotspotCategory", h.category)), el("td", {}, label("hotspotStatus", h.status)),
        el("td", {}, h.provinceCode ? t("provincialRegistry") : t("nationalRegistry")),
        el("td", {}, mayEdit(h) ? [
          el("button", { type: "button", "data-testid": "hotspot-edit", onclick: (e: Event) => { e.stopPropagation(); void edit(h.id); } }, t("edit")),
          h.status !== "retired" ? el("button", { type: "button", "data-testid": "hotspot-retire", onclick: (e: Event) => { e.stopPropagation(); void retire(h.id); } }, t("retire")) : null,
        ] : null))))));
  };

  const focus = (id: string) => {
    const l = layers.get(id);
    if (map && l && "getBounds" in l) map.fitBounds((l as L.FeatureGroup).getBounds().pad(0.5));
  };

  const fetchOne = async (id: string) => {
    const { data, etag } = await call<Hotspot>(`/hotspots/${id}`);
    return { hotspot: data, etag: etag ?? "" };
  };
  const put = (current: { hotspot: Hotspot; etag: string }, changes: Partial<Hotspot> & Partial<Shape>) => {
    const h = { ...current.hotspot, ...changes };
    const shape = changes.geometry || changes.circle ? changes : { geometry: current.hotspot.geometry, circle: current.hotspot.circle };
    return call<Hotspot>(`/hotspots/${h.id}`, { method: "PUT", etag: current.etag, body: {
      name: h.name, category: h.category, status: h.status, notes: h.notes || undefined,
      geometry: shape.circle ? undefined : shape.geometry ?? undefined, circle: shape.circle ?? undefined,
    } });
  };

  const retire = async (id: string) => {
    try {
      await put(await fetchOne(id), { status: "retired" });
      say(t("saved"));
      await load();
    } catch (e) { fail(e); }
  };

  const form = el("form", { "data-testid": "hotspot-form" },
    el("div", { class: "row" },
      el("input", { name: "name", placeholder: t("hotspotName"), required: true, "aria-label": t("hotspotName") }),
      el("select", { name: "category", "aria-label": t("category") }, options(hotspotCategories, c => label("hotspotCategory", c))),
      el("select", { name: "status", "aria-label": t("state") }, options(statuses, s => label("hotspotStatus", s), "active")),
      el("input", { name: "notes", placeholder: t("note"), "aria-label": t("note") })),
    el("div", { class: "row" },
      el("button", { type: "button", "data-testid": "hotspot-draw-polygon", onclick: () => setMode("polygon") }, t("drawPolygon")),
      el("button", { type: "button", "data-testid": "hotspot-draw-circle", onclick: () => setMode("circle") }, t("drawCircle")),
      el("label", { hidden: true }, t("radius"), " ", radius),
      hint,
      el("button", { type: "button", onclick: resetDrawing }, t("clearDrawing"))),
    el("div", { class: "row" },
      el("button", { type: "submit", "data-testid": "hotspot-save" }, t("save")),
      el("button", { type: "button", onclick: () => stopEditing() }, t("cancel"))));
  const formTitle = el("h2", { "data-testid": "hotspot-form-title" }, t("newHotspot"));

  const stopEditing = () => {
    editing = null;
    form.reset();
    resetDrawing();
    formTitle.textContent = t("newHotspot");
  };

  const edit = async (id: string) => {
    try {
      editing = await fetchOne(id);
      const h = editing.hotspot;
      formTitle.textContent = t("editHotspot", { name: h.name });
      (form.elements.namedItem("name") as HTMLInputElement).value = h.name;
      (form.elements.namedItem("category") as HTMLSelectElement).value = h.category;
      (form.elements.namedItem("status") as HTMLSelectElement).value = h.status;
      (form.elements.namedItem("notes") as HTMLInputElement).value = h.notes ?? "";
      resetDrawing();
      focus(id);
      form.scrollIntoView({ block: "nearest" });
    } catch (e) { fail(e); }
  };

  form.addEventListener("submit", async e => {
    e.preventDefault();
    const shape = drawn();
    const values = { name: field(form, "name"), category: field(form, "category"), status: field(form, "status"), notes: field(form, "notes") || null };
    try {
      if (editing) {
        await put(editing, { ...values, ...(shape ?? {}) });
      } else {
        if (!shape) return fail(mode === "polygon" ? t("hotspotPolygonHint") : t("circleHint"));
        await call("/hotspots", { body: { ...values, notes: values.notes ?? undefined, ...shape } });
      }
      stopEditing();
      say(t("saved"));
      await load();
    } catch (error) { fail(error); }
  });

  const file = el("input", { type: "file", accept: ".json,.geojson,application/geo+json", "data-testid": "geojson-file" });
  const rejections = el("ul", { class: "plain", "data-testid": "import-rejections" });
  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    try {
      const { data } = await call<{ added: number; updated: number; rejected: { index: number; field: string; reason: string }[] }>("/hotspots/import", { raw: await f.text() });
      say(t("imported", { added: data.added, updated: data.updated, rejected: data.rejected.length }));
      clear(rejections, data.rejected.map(r => el("li", {}, t("importRejection", { index: r.index + 1, field: r.field, reason: r.reason }))));
      await load();
    } catch (error) { fail(error); }
    file.value = "";
  });

  clear(main, el("h1", {}, t("navHotspots")), mapBox,
    editor ? [formTitle, form, el("label", {}, t("importGeoJson"), " ", file), rejections] : null, message, list);
  // The officer may leave before the map and the list have loaded: then nothing more is drawn.
  let left = false;
  void (async () => {
    const created = await baseMap(mapBox);
    if (left) return void created.remove();
    map = created;
    layer.addTo(map);
    preview.addTo(map);
    if (editor) {
      map.on("click", e => {
        if (mode === "polygon") corners.push(e.latlng);
        else centre = e.latlng;
        redrawPreview();
      });
    }
    await load();
    if (left) return;
    if (layer.getLayers().length > 0) map.fitBounds(L.featureGroup(layer.getLayers()).getBounds().pad(0.2));
    mapBox.dataset.ready = "true";
  })();
  return () => { left = true; map?.remove(); };
}
