// Police units and communes (the national administrator): create a unit at a level — a provincial unit names its
// province, a commune station its commune — and import communes from a CSV or GeoJSON file. Each refusal is shown:
// the create form's under the field it names, the import's row by row with field and reason.
import { ApiError, all, call, post } from "../shared/api";
import { clear, el, field, options } from "../shared/dom";
import { label, lang, t } from "../shared/i18n";
import type { Commune, ImportResult, Me, Province, Unit } from "../shared/types";
import { communeLabel } from "./communes";
import { showErrors } from "./formFields";

const levels = ["national", "provincial", "commune"];
const provinceLabel = (p: Province) => (lang === "en" ? p.nameEn : p.nameVi);

export function unitsView(main: HTMLElement, _me: Me): void {
  const list = el("div", {});
  const message = el("p", { class: "error", role: "alert", "data-testid": "units-error" });
  const created = el("p", { class: "notice", "data-testid": "unit-created" });
  let provinces: Province[] = [];

  let loads = 0; // only the newest of overlapping loads draws
  const load = async () => {
    const run = ++loads;
    const units = await all<Unit>("/units");
    if (run !== loads) return;
    const provinceName = (code: string | null) => { const p = provinces.find(x => x.code === code); return p ? provinceLabel(p) : code ?? "—"; };
    clear(list, el("table", { class: "grid", "data-testid": "units" },
      el("thead", {}, el("tr", {}, [t("unit"), t("unitLevel"), t("province"), t("commune")].map(h => el("th", {}, h)))),
      el("tbody", {}, units.map(u => el("tr", { "data-testid": "unit-row", "data-name": u.name, "data-level": u.level },
        el("td", {}, u.name), el("td", {}, label("unitLevel", u.level)), el("td", {}, provinceName(u.provinceCode)), el("td", {}, u.communeCode ? communeLabel(u.communeCode, u.provinceCode) : "—"))))));
  };

  const slot = (name: string) => el("small", { class: "error", "data-error-for": name });
  const provinceSelect = el("select", { name: "provinceCode", "aria-label": t("province"), "data-testid": "unit-province" });
  const communeSelect = el("select", { name: "communeCode", "aria-label": t("commune"), "data-testid": "unit-commune" });
  const levelSelect = el("select", { name: "level", "aria-label": t("unitLevel"), "data-testid": "unit-level" }, options(levels, l => label("unitLevel", l), "commune"));
  const fillCommunes = async () => {
    const code = provinceSelect.value;
    const communes = code ? await all<Commune>(`/provinces/${encodeURIComponent(code)}/communes`).catch(() => [] as Commune[]) : [];
    if (provinceSelect.value !== code) return;
    communeSelect.replaceChildren(el("option", { value: "" }, "—"), ...options(communes.map(c => c.code), c => `${communes.find(x => x.code === c)!.name} (${c})`));
  };
  const shown = () => {
    provinceSelect.disabled = levelSelect.value === "national";
    communeSelect.disabled = levelSelect.value !== "commune";
  };
  provinceSelect.addEventListener("change", () => void fillCommunes());
  levelSelect.addEventListener("change", shown);
  const create = el("form", { class: "row", "data-testid": "create-unit" },
    el("label", { class: "stack-item" }, t("unitName"), el("input", { name: "name", required: true, "data-testid": "unit-name" }), slot("name")),
    el("label", { class: "stack-item" }, t("unitLevel"), levelSelect, slot("level")),
    el("label", { class: "stack-item" }, t("province"), provinceSelect, slot("provinceCode")),
    el("label", { class: "stack-item" }, t("commune"), communeSelect, slot("communeCode")),
    el("button", { type: "submit", class: "primary" }, t("createUnit")));
  create.addEventListener("submit", async e => {
    e.preventDefault();
    message.textContent = "";
    created.textContent = "";
    const level = field(create, "level");
    try {
      const unit = await post<Unit>("/units", {
        name: field(create, "name"), level,
        provinceCode: level === "provincial" ? field(create, "provinceCode") || undefined : undefined,
        communeCode: level === "commune" ? field(create, "communeCode") || undefined : undefined,
      });
      create.querySelectorAll<HTMLElement>("[data-error-for]").forEach(s => { s.textContent = ""; });
      created.textContent = t("unitCreated", { name: unit.name });
      (create.elements.namedItem("name") as HTMLInputElement).value = "";
      await load();
    } catch (error) { showErrors(create, message, error); }
  });

  const result = el("div", { "data-testid": "commune-import-result" });
  const file = el("input", { type: "file", name: "file", accept: ".csv,.json,.geojson,text/csv,application/json,application/geo+json", required: true, "data-testid": "commune-file" });
  const importForm = el("form", { class: "row", "data-testid": "commune-import" }, file, el("button", { type: "submit" }, t("importCommunes")));
  importForm.addEventListener("submit", async e => {
    e.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return;
    clear(result, el("p", {}, t("loading")));
    try {
      const text = await chosen.text();
      const { data } = await call<ImportResult>("/communes/import", { method: "POST", raw: text, contentType: text.trimStart().startsWith("{") ? "application/geo+json" : "text/csv" });
      clear(result,
        el("p", { class: "notice", "data-testid": "commune-import-counts" }, t("imported", { added: data.added, updated: data.updated, rejected: data.rejected.length })),
        data.rejected.length > 0 ? el("ul", { class: "plain error", "data-testid": "commune-rejections" }, data.rejected.map(r =>
          el("li", { "data-testid": "commune-rejection", "data-index": r.index, "data-field": r.field }, t("communeRejection", { index: r.index + 1, field: r.field, reason: r.reason })))) : null);
    } catch (error) {
      clear(result, el("p", { class: "error" }, t("error", { reason: error instanceof ApiError ? error.message : String(error) })));
    }
  });

  clear(main, el("h1", {}, t("navUnits")),
    el("section", { class: "card" }, el("h2", {}, t("createUnit")), create, message, created),
    el("section", { class: "card" }, el("h2", {}, t("importCommunes")), el("p", { class: "muted" }, t("communeImportHint")), importForm, result),
    el("h2", {}, t("navUnits")), list);
  shown();
  void (async () => {
    try {
      provinces = await all<Province>("/provinces");
      provinceSelect.replaceChildren(el("option", { value: "" }, "—"), ...options(provinces.map(p => p.code), c => provinceLabel(provinces.find(p => p.code === c)!)));
      await load();
    } catch (e) { message.textContent = t("error", { reason: e instanceof ApiError ? e.message : String(e) }); }
  })();
}
