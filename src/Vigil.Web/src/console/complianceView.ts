// The compliance list of the officer's jurisdiction: how many people are in each tier (and without a score), then the
// scored people lowest first, a page at a time, optionally one tier only. A name opens the person's page, whose
// compliance card explains the score.
import { ApiError, get, query } from "../shared/api";
import { clear, el, options } from "../shared/dom";
import { label, t } from "../shared/i18n";
import { dateTime } from "../shared/time";
import type { Me } from "../shared/types";

interface Item { personId: string; fullName: string; communeCode: string; score: number | null; tier: string | null; tierSince: string | null }
interface Summary { tiers: Record<string, number>; unscored: number; people: { items: Item[]; page: number; pageSize: number; total: number } }

const tiers = ["attention", "watch", "good"];
const pageSize = 100;

export function complianceView(main: HTMLElement, _me: Me): void {
  const message = el("p", { class: "error", role: "alert", "data-testid": "compliance-list-error" });
  const counts = el("div", { class: "cards", "data-testid": "compliance-tiers" });
  const list = el("div", {}, t("loading"));
  const tier = el("select", { "data-testid": "compliance-tier-filter", "aria-label": t("tier") },
    el("option", { value: "" }, t("all")), options(tiers, x => label("complianceTier", x)));
  let page = 1;

  let loads = 0; // only the newest of overlapping loads draws
  const load = async () => {
    const run = ++loads;
    try {
      const s = await get<Summary>(`/compliance${query({ tier: tier.value || undefined, page: String(page), pageSize: String(pageSize) })}`);
      if (run !== loads) return;
      message.textContent = "";
      draw(s);
    } catch (e) { message.textContent = t("error", { reason: e instanceof ApiError ? e.message : String(e) }); }
  };

  const draw = (s: Summary) => {
    const card = (key: string, title: string, value: number, css = "") =>
      el("div", { class: `card ${css}`, "data-testid": `tier-${key}` }, el("span", { class: "muted" }, title), el("strong", { class: "tier-count" }, String(value)));
    clear(counts, tiers.map(x => card(x, label("complianceTier", x), s.tiers[x] ?? 0, `tier-${x}`)), card("unscored", t("unscoredCount"), s.unscored));
    const p = s.people;
    const first = p.total === 0 ? 0 : (p.page - 1) * p.pageSize + 1;
    const last = Math.min(p.total, p.page * p.pageSize);
    clear(list,
      p.items.length === 0 ? el("p", { class: "muted" }, t("none")) : el("table", { class: "grid", "data-testid": "compliance-people" },
        el("thead", {}, el("tr", {}, [t("person"), t("commune"), t("score"), t("tier"), t("tierSince")].map(h => el("th", {}, h)))),
        el("tbody", {}, p.items.map(i => el("tr", { "data-testid": "compliance-row", "data-person": i.personId, onclick: () => { location.hash = `#/people/${i.personId}`; } },
          el("td", {}, el("a", { href: `#/people/${i.personId}` }, i.fullName)), el("td", {}, i.communeCode),
          el("td", { "data-testid": "compliance-row-score" }, i.score ?? "—"), el("td", { class: i.tier ? `tier-${i.tier}` : "" }, label("complianceTier", i.tier)),
          el("td", {}, dateTime(i.tierSince)))))),
      el("div", { class: "row" },
        el("button", { type: "button", disabled: p.page <= 1, onclick: () => { page--; void load(); } }, t("previousPage")),
        el("span", { class: "muted", "data-testid": "compliance-page" }, t("rangeOf", { from: first, to: last, total: p.total })),
        el("button", { type: "button", disabled: last >= p.total, onclick: () => { page++; void load(); } }, t("nextPage"))));
  };

  tier.addEventListener("change", () => { page = 1; void load(); });
  clear(main, el("h1", {}, t("navCompliance")), el("p", { class: "muted" }, t("complianceListHint")), counts,
    el("div", { class: "row" }, el("label", {}, t("tier"), " ", tier)), message, list);
  void load();
}
