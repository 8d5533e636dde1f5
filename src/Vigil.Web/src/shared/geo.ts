// Map helpers shared by the console and the wearer app: a base map with no tiles unless configured, and zones,
// hotspots and boundaries as Leaflet layers.
import L from "leaflet";
import { all } from "./api";
import { label } from "./i18n";
import type { Circle, WebConfig, Zone } from "./types";

let config: Promise<WebConfig> | null = null;

/** The tile URL is configuration (Map:TileUrl); empty means a plain background, nothing is downloaded. */
export function webConfig(): Promise<WebConfig> {
  config ??= fetch("/web/config.json").then(r => r.json() as Promise<WebConfig>);
  return config;
}

export async function baseMap(container: HTMLElement, centre: L.LatLngExpression = [21.0285, 105.8542], zoom = 14): Promise<L.Map> {
  const map = L.map(container, { attributionControl: true, maxZoom: 19, minZoom: 5, zoomAnimation: false, fadeAnimation: false }).setView(centre, zoom);
  const { tileUrl, tileAttribution } = await webConfig();
  if (tileUrl) L.tileLayer(tileUrl, { attribution: tileAttribution, maxZoom: 19 }).addTo(map);
  else container.classList.add("no-tiles");
  return map;
}

/**
 * A base map in `box` for a screen the officer may leave before it has loaded (then it is dropped): `layers` go on it,
 * `ready` gets it, and the box is marked ready. Returns the screen's disposer.
 */
export function mountMap(box: HTMLElement, layers: L.Layer[], ready: (map: L.Map) => void): () => void {
  let map: L.Map | undefined;
  let left = false;
  void baseMap(box).then(created => {
    if (left) return void created.remove();
    map = created;
    for (const layer of layers) layer.addTo(created);
    ready(created);
    box.dataset.ready = "true";
  });
  return () => { left = true; map?.remove(); };
}

export const zoneColours: Record<string, string> = { residence: "#1b7f3b", work: "#1f5fbf", activity: "#8a4fbf", travel: "#b8860b" };

export function circleLayer(c: Circle, style: L.PathOptions): L.Circle {
  return L.circle([c.lat, c.lon], { radius: c.radiusMeters, ...style });
}

export function zoneLayer(zone: Zone): L.Layer {
  const style = { color: zoneColours[zone.kind] ?? "#333", weight: 2, fillOpacity: 0.12 };
  const layer = zone.circle ? circleLayer(zone.circle, style) : L.geoJSON(zone.geometry!, { style: () => style });
  layer.bindTooltip(`${zone.name} (${label("zoneKind", zone.kind)})`);
  return layer;
}

export function geometryLayer(geometry: GeoJSON.Geometry | null, circle: Circle | null, style: L.PathOptions): L.Layer | null {
  if (circle) return circleLayer(circle, style);
  if (geometry) return L.geoJSON(geometry as GeoJSON.GeoJsonObject, { style: () => style });
  return null;
}

export const communeBoundaries = async (provinceCode: string, only?: string) => {
  const communes = await all<{ code: string; name: string; boundary: GeoJSON.Geometry | null }>(`/provinces/${provinceCode}/communes`);
  const group = L.layerGroup();
  for (const c of communes.filter(c => c.boundary && (!only || c.code === only))) {
    L.geoJSON(c.boundary as GeoJSON.GeoJsonObject, { style: () => ({ color: "#666", weight: 1, dashArray: "4 3", fill: false }) })
      .bindTooltip(c.name).addTo(group);
  }
  return group;
};
