// Statistics of the officer's jurisdiction (nation, province or commune), or of a narrower area they choose: people by
// group and decision status, devices by status and use, unresolved alerts, and per Vietnam day the alerts raised (by
// severity), violations confirmed and people registered. Aggregates only: no person is named here.
import { ApiError, all, get, query } from "../shared/api";
import { barList, dayChart } from "../shared/bars";
import { clear, el, options } from "../shared/dom";
import { label, lang, t } from "../shared/i18n";
import { date, dateTime } from "../shared/time";
import type { Commune, Me, Province } from "../shared/types";

interface Area { level: "national" | "provincial" | "commune"; provinceCode: string | null; communeCode: string | null }
interface Overview {
  area: Area; at: string;
  people: { total: number; byGroup: Record<string, number>; byStatus: Record<string, number>; withoutDecision: number; monitored: number };
  devices: { total: number; byStatus: Record<string, number>; inUsePercent: number; reportedLastDay: number };
  alerts: { open: number; acknowledged: number; escalated: number };
}
interface Day { date: string; alertsRaised: number; critical: number; high: number; medium: number; violationsConfirmed: number; peopleRegistered: number }
interface Trends { area: Area; from: string; to: string; days: Day[]; alertsByRule: Record<string, number>; alertsRaised: number; violationsConfirmed: number; peopleRegistered: number }

const palette = ["#2c6e9b", "#3c9d5d", "#d98c1f", "#8e44ad", "#c0392b", "#7f8c8d", "#16a085", "#b9770e", "#5d6d7e", "#a93226", "#1f618d"];
const colours: Record<string, string> = { critical: "#c0392b", high: "#e67e22", medium: "#f1c40f", violations: "#2c3e50", people: "#2c6e9b" };

export function statisticsView(main: HTMLElement, me: Me): void {
  const level = me.unit?.level ?? "commune";
  const message = el("p", { class: "error", role: "alert", "data-testid": "statistics-error" });
  const body = el("div", { "data-testid": "statistics" }, t("loading"));
  const province = el("select", { name: "provinceCode", "data-testid": "stat-province" });
  const commune = el("select", { name: "communeCode", "data-testid": "stat-commune" });
  const from = el("input", { type: "date", name: "from", "data-testid": "stat-from" });
  const to = el("input", { type: "date", name: "to", "data-testid": "stat-to" });
  const fail = (e: unknown) => { message.textContent = t("error", { reason: e instanceof ApiError ? e.message : String(e) }); };

  const names = new Map<string, string>(); // province and commune codes → names, for the heading
  const fillCommunes = async (code: string) => {
    const communes = code ? await all<Commune>(`/provinces/${encodeURIComponent(code)}/communes`) : [];
    communes.forEach(c => names.set(`c:${c.code}`, c.name));
    commune.replaceChildren(el("option", { value: "" }, t("allCommunes")), ...options(communes.map(c => c.code), c => communes.find(x => x.code === c)!.name));
    commune.disabled = communes.length === 0;
  };

  let loads = 0; // only the newest of overlapping loads draws
  const load = async () => {
    const run = ++loads;
    message.textContent = "";
    const area = {
      provinceCode: level === "national" ? province.value : undefined,
      communeCode: level !== "commune" ? commune.value : undefined,
    };
    try {
      const [overview, trends] = await Promise.all([
        get<Overview>(`/statistics/overview${query(area)}`),
        get<Trends>(`/statistics/trends${query({ ...area, from: from.value, to: to.value })}`),
      ]);
      if (run !== loads) return;
      from.value = trends.from;
      to.value = trends.to;
      draw(overview, trends);
    } catch (e) { fail(e); }
  };

  const draw = (o: Overview, tr: Trends) => {
    const areaName = o.area.level === "national" ? t("nation")
      : o.area.level === "provincial" ? `${t("province")}: ${names.get(`p:${o.area.provinceCode}`) ?? o.area.provinceCode}`
      : `${t("commune")}: ${names.get(`c:${o.area.communeCode}`) ?? o.area.communeCode}`;
    const card = (testId: string, title: string, value: string | number, note?: string) =>
      el("div", { class: "card", "data-testid": testId }, el("span", { class: "muted" }, title), el("strong", {}, String(value)), note ? el("small", {}, note) : null);
    const bars = (group: "group" | "decisionStatus" | "deviceStatus" | "rule", counts: Record<string, number>) =>
      Object.entries(counts).map(([key, value], i) => ({ key, value, label: label(group, key), colour: palette[i % palette.length] }));
    const days = tr.days.map(d => d.date);
    clear(body,
      el("p", { class: "muted", "data-testid": "stat-area" }, t("statisticsOf", { area: areaName, at: dateTime(o.at) })),
      el("div", { class: "cards" },
        card("stat-people", t("peopleTotal"), o.people.total, t("monitoredCount", { count: o.people.monitored })),
        card("stat-without-decision", t("withoutDecision"), o.people.withoutDecision),
        card("stat-devices", t("devicesTotal"), o.devices.total, t("reportedLastDay", { count: o.devices.reportedLastDay })),
        card("stat-in-use", t("inUse"), `${o.devices.inUsePercent.toLocaleString(lang === "vi" ? "vi-VN" : "en-GB")} %`),
        card("stat-alerts", t("unresolvedAlerts"), o.alerts.open + o.alerts.acknowledged,
          t("alertSplit", { open: o.alerts.open, acknowledged: o.alerts.acknowledged, escalated: o.alerts.escalated }))),
      el("div", { class: "chart-grid" },
        el("section", {}, el("h2", {}, t("peopleByGroup")), barList(bars("group", o.people.byGroup), "chart-group")),
        el("section", {}, el("h2", {}, t("peopleByStatus")), barList(bars("decisionStatus", o.people.byStatus), "chart-status")),
        el("section", {}, el("h2", {}, t("devicesByStatus")), barList(bars("deviceStatus", o.devices.byStatus), "chart-devices")),
        el("section", {}, el("h2", {}, t("alertsByRule")),
          Object.keys(tr.alertsByRule).length ? barList(bars("rule", tr.alertsByRule), "chart-rules") : el("p", { class: "muted" }, t("noAlerts")))),
      el("section", {},
        el("h2", {}, t("alertsOverTime", { from: date(tr.from), to: date(tr.to) })),
        el("p", { class: "muted", "data-testid": "stat-totals" },
          t("trendTotals", { alerts: tr.alertsRaised, violations: tr.violationsConfirmed, people: tr.peopleRegistered })),
        dayChart(days,
          (["critical", "high", "medium"] as const).map(s => ({ key: s, label: label("severity", s), colour: colours[s], values: tr.days.map(d => d[s]) })),
          [{ key: "violations", label: t("violationsConfirmed"), colour: colours.violations, values: tr.days.map(d => d.violationsConfirmed) }],
          "chart-alerts"),
        el("h2", {}, t("peopleRegisteredOverTime")),
        dayChart(days, [{ key: "people", label: t("peopleRegistered"), colour: colours.people, values: tr.days.map(d => d.peopleRegistered) }], [],
          "chart-registered", 860, 140)));
  };

  const filters = el("form", { class: "row", "data-testid": "stat-filters" },
    level === "national" ? el("label", {}, t("province"), " ", province) : null,
    level !== "commune" ? el("label", {}, t("commune"), " ", commune) : null,
    el("label", {}, t("from"), " ", from), el("label", {}, t("to"), " ", to),
    el("button", { type: "submit", "data-testid": "stat-show" }, t("show")));
  filters.addEventListener("submit", e => { e.preventDefault(); void load(); });
  province.addEventListener("change", async () => { try { await fillCommunes(province.value); } catch (e) { fail(e); } void load(); });
  commune.addEventListener("change", () => void load());

  clear(main, el("h1", {}, t("navStatistics")), filters, message, body);
  void (async () => {
    try {
      const provinces = await all<Province>("/provinces");
      provinces.forEach(p => names.set(`p:${p.code}`, lang === "en" ? p.nameEn : p.nameVi));
      if (level === "national") {
        province.replaceChildren(el("option", { value: "" }, t("allProvinces")),
          ...options(provinces.map(p => p.code), c => names.get(`p:${c}`)!));
        await fillCommunes("");
      } else if (me.unit?.provinceCode) {
        await fillCommunes(me.unit.provinceCode);
      }
    } catch (e) { fail(e); }
    await load();
  })();
}
