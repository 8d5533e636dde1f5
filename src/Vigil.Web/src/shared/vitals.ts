// Vitals over the last day as small charts (heart rate, SpO2, skin temperature, steps), shared by both apps.
import { get, query } from "./api";
import { lineChart } from "./chart";
import { el } from "./dom";
import { t, type Key } from "./i18n";
import type { Vitals, VitalsPoint } from "./types";

export const lastDay = () => ({ from: new Date(Date.now() - 24 * 3600e3).toISOString(), to: new Date(Date.now() + 3600e3).toISOString() });

export async function readVitals(personId: string): Promise<VitalsPoint[]> {
  return (await get<Vitals>(`/persons/${personId}/vitals${query(lastDay())}`)).points;
}

const series: [Key, keyof VitalsPoint, string, string][] = [
  ["heartRate", "heartRateBpm", "bpm", "#c0392b"],
  ["spo2", "spO2Percent", "%", "#1f5fbf"],
  ["skinTemp", "skinTemperatureC", "°C", "#b8860b"],
  ["steps", "steps", "", "#1b7f3b"],
];

export function vitalsCharts(points: VitalsPoint[]): HTMLElement {
  if (points.length === 0) return el("p", { class: "muted" }, t("noVitals"));
  return el("div", { class: "charts", "data-testid": "vitals" }, series.map(([key, prop, unit, colour]) => {
    const values = points.filter(p => p[prop] !== null).map(p => ({ at: p.measuredAt, value: p[prop] as number }));
    if (values.length === 0) return null;
    return el("figure", {}, el("figcaption", {}, `${t(key)}: ${Math.round(values[values.length - 1].value * 10) / 10} ${unit}`), lineChart(values, unit, colour));
  }));
}
