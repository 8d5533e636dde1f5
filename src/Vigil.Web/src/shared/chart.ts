// A small SVG line chart: one series over time, with its range. Enough for vitals trends; no chart library.
import { timeOnly } from "./time";

const ns = "http://www.w3.org/2000/svg";

export interface Series { at: string; value: number }

export function lineChart(points: Series[], unit: string, colour: string, width = 320, height = 110): SVGSVGElement {
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("class", "chart");
  if (points.length === 0) return svg;
  const times = points.map(p => Date.parse(p.at));
  const values = points.map(p => p.value);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const [v0, v1] = [Math.min(...values), Math.max(...values)];
  const pad = { l: 34, r: 6, t: 8, b: 18 };
  const x = (t: number) => pad.l + (t1 === t0 ? 0.5 : (t - t0) / (t1 - t0)) * (width - pad.l - pad.r);
  const y = (v: number) => pad.t + (v1 === v0 ? 0.5 : 1 - (v - v0) / (v1 - v0)) * (height - pad.t - pad.b);
  const path = document.createElementNS(ns, "polyline");
  path.setAttribute("points", points.map((p, i) => `${x(times[i]).toFixed(1)},${y(p.value).toFixed(1)}`).join(" "));
  path.setAttribute("fill", "none");
  path.setAttribute("stroke", colour);
  path.setAttribute("stroke-width", "2");
  svg.appendChild(path);
  const text = (s: string, tx: number, ty: number, anchor = "start") => axisText(svg, s, tx, ty, anchor);
  text(`${round(v1)}`, 2, pad.t + 8);
  text(`${round(v0)} ${unit}`, 2, height - pad.b);
  text(timeOnly(new Date(t0)).slice(0, 5), pad.l, height - 4);
  text(timeOnly(new Date(t1)).slice(0, 5), width - pad.r, height - 4, "end");
  return svg;
}

/** An axis label on a chart. */
export function axisText(svg: SVGSVGElement, s: string, x: number, y: number, anchor = "start"): void {
  const node = document.createElementNS(ns, "text");
  node.setAttribute("x", String(x));
  node.setAttribute("y", String(y));
  node.setAttribute("text-anchor", anchor);
  node.setAttribute("class", "axis");
  node.textContent = s;
  svg.appendChild(node);
}

const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 10) / 10);
