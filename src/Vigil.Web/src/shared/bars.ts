// Plain SVG bar charts for the statistics screen: a labelled list of bars, and stacked bars per day with a line.
import { date } from "./time";

const ns = "http://www.w3.org/2000/svg";

function node<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const n = document.createElementNS(ns, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

export interface Bar { key: string; label: string; value: number; colour: string }

/** One horizontal bar per entry, each with its label and count; every entry is drawn, zeros too (a stable legend). */
export function barList(bars: Bar[], testId: string, width = 420): SVGSVGElement {
  const row = 24;
  const labelWidth = 170;
  const height = bars.length * row + 4;
  const svg = node("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart bars", "data-testid": testId, role: "img" });
  const max = Math.max(1, ...bars.map(b => b.value));
  bars.forEach((b, i) => {
    const y = i * row + 2;
    const w = (b.value / max) * (width - labelWidth - 50);
    const g = node("g", { "data-key": b.key, "data-value": b.value });
    g.append(node("text", { x: 0, y: y + 15, class: "axis" }, b.label),
      node("rect", { x: labelWidth, y: y + 3, width: Math.max(w, 1), height: row - 8, fill: b.colour, rx: 2 }),
      node("text", { x: labelWidth + w + 6, y: y + 15, class: "axis value" }, String(b.value)));
    svg.append(g);
  });
  return svg;
}

export interface DaySeries { key: string; label: string; colour: string; values: number[] }

/**
 * Stacked columns per day (the `stacked` series) with `lines` drawn over them, on a shared count axis; dates are
 * Vietnam calendar days ("2026-11-23"). A legend names every series.
 */
export function dayChart(dates: string[], stacked: DaySeries[], lines: DaySeries[], testId: string, width = 860, height = 220): HTMLElement {
  const pad = { l: 36, r: 8, t: 10, b: 24 };
  const svg = node("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart days", "data-testid": testId, role: "img" });
  const totals = dates.map((_, i) => stacked.reduce((s, series) => s + series.values[i], 0));
  const max = Math.max(1, ...totals, ...lines.flatMap(l => l.values));
  const plotW = width - pad.l - pad.r;
  const plotH = height - pad.t - pad.b;
  const step = plotW / Math.max(1, dates.length);
  const y = (v: number) => pad.t + plotH - (v / max) * plotH;
  for (const tick of [0, Math.ceil(max / 2), max]) {
    svg.append(node("line", { x1: pad.l, x2: width - pad.r, y1: y(tick), y2: y(tick), class: "grid-line" }),
      node("text", { x: pad.l - 4, y: y(tick) + 4, "text-anchor": "end", class: "axis" }, String(tick)));
  }
  dates.forEach((d, i) => {
    let base = 0;
    const g = node("g", { "data-date": d, "data-total": totals[i] });
    for (const series of stacked) {
      const v = series.values[i];
      if (v > 0) g.append(node("rect", { x: pad.l + i * step + step * 0.15, y: y(base + v), width: step * 0.7, height: y(base) - y(base + v), fill: series.colour },
        undefined));
      base += v;
    }
    g.append(node("title", {}, `${date(d)}: ${stacked.map(s => `${s.label} ${s.values[i]}`).concat(lines.map(l => `${l.label} ${l.values[i]}`)).join(", ")}`));
    svg.append(g);
  });
  for (const line of lines) {
    svg.append(node("polyline", {
      points: line.values.map((v, i) => `${(pad.l + (i + 0.5) * step).toFixed(1)},${y(v).toFixed(1)}`).join(" "),
      fill: "none", stroke: line.colour, "stroke-width": 2, "data-series": line.key,
    }));
  }
  const labelEvery = Math.max(1, Math.ceil(dates.length / 8));
  dates.forEach((d, i) => {
    if (i % labelEvery === 0 || i === dates.length - 1) {
      svg.append(node("text", { x: pad.l + (i + 0.5) * step, y: height - 6, "text-anchor": "middle", class: "axis" }, date(d).slice(0, 5)));
    }
  });
  const legend = document.createElement("div");
  legend.className = "legend";
  for (const s of [...stacked, ...lines]) {
    const item = document.createElement("span");
    const swatch = document.createElement("i");
    swatch.style.background = s.colour;
    item.append(swatch, s.label);
    legend.append(item);
  }
  const figure = document.createElement("figure");
  figure.className = "day-chart";
  figure.append(svg, legend);
  return figure;
}
