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
