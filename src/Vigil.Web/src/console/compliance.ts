// A person's compliance on their page: the score and tier the compliance job keeps, each part with its explanation
// (in the officer's language) and the window's score on each Vietnam day as a small SVG line.
import { get } from "../shared/api";
import { axisText } from "../shared/chart";
import { el } from "../shared/dom";
import { label, pick, t } from "../shared/i18n";
import { date, dateTime } from "../shared/time";

interface Part { name: string; fraction: number; weight: number; points: number; whyVi: string; whyEn: string }
interface Compliance { personId: string; through: string; windowDays: number; score: number | null; tier: string | null; parts: Part[]; trend: { date: string; score: number | null; tier: string | null }[]; computedAt: string }

const ns = "http://www.w3.org/2000/svg";

export async function compliancePanel(personId: string): Promise<HTMLElement> {
  const c = await get<Compliance>(`/persons/${personId}/compliance`);
  return el("div", { "data-testid": "compliance" },
    el("p", { "data-testid": "compliance-score", class: c.tier ? `tier-${c.tier}` : "muted" },
      c.score === null ? t("notScored") : t("complianceScore", { score: c.score, tier: label("complianceTier", c.tier) })),
    el("p", { class: "muted" }, t("complianceWindow", { days: c.windowDays, through: date(c.through), at: dateTime(c.computedAt) })),
    el("ul", { class: "plain" }, c.parts.map(p => el("li", { "data-testid": "compliance-part", "data-part": p.name },
      el("strong", {}, `${label("compliancePart", p.name)}: ${p.points}/${p.weight}`), " — ", pick(p.whyVi, p.whyEn)))),
    trend(c.trend));
}

/** The score (0–100) on each day of the window; days without a score break the line. */
function trend(days: Compliance["trend"], width = 320, height = 90): SVGSVGElement {
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("class", "chart");
  svg.dataset.testid = "compliance-trend";
  if (days.length === 0) return svg;
  const pad = { l: 26, r: 6, t: 6, b: 16 };
  const x = (i: number) => pad.l + (days.length === 1 ? 0.5 : i / (days.length - 1)) * (width - pad.l - pad.r);
  const y = (v: number) => pad.t + (1 - v / 100) * (height - pad.t - pad.b);
  let run: string[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const line = document.createElementNS(ns, "polyline");
    line.setAttribute("points", run.join(" "));
    line.setAttribute("fill", "none");
    line.setAttribute("stroke", "#1f5fbf");
    line.setAttribute("stroke-width", "2");
    svg.appendChild(line);
    run = [];
  };
  days.forEach((d, i) => (d.score === null ? flush() : run.push(`${x(i).toFixed(1)},${y(d.score).toFixed(1)}`)));
  flush();
  const text = (s: string, tx: number, ty: number, anchor = "start") => axisText(svg, s, tx, ty, anchor);
  text("100", 2, pad.t + 8);
  text("0", 2, height - pad.b);
  text(date(days[0].date).slice(0, 5), pad.l, height - 2);
  text(date(days[days.length - 1].date).slice(0, 5), width - pad.r, height - 2, "end");
  return svg;
}
