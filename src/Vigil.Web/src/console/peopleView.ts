// The people of the officer's jurisdiction, searchable.
import { get, query, type Page } from "../shared/api";
import { clear, el } from "../shared/dom";
import { label, t } from "../shared/i18n";
import type { Me, PersonSummary } from "../shared/types";
import { communeLabel } from "./communes";
import { remember } from "./names";
import { can, caseWorkers } from "./roles";

export function peopleView(main: HTMLElement, me: Me): void {
  const list = el("div", {});
  const search = el("input", { type: "search", placeholder: t("search"), "data-testid": "people-search" });
  const load = async () => {
    const page = await get<Page<PersonSummary>>(`/persons${query({ search: search.value.trim() || undefined, pageSize: "200" })}`);
    remember(page.items);
    clear(list, el("table", { class: "grid", "data-testid": "people" },
      el("thead", {}, el("tr", {}, el("th", {}, t("person")), el("th", {}, t("group")), el("th", {}, t("commune")))),
      el("tbody", {}, page.items.map(p => el("tr", {},
        el("td", {}, el("a", { href: `#/people/${p.id}` }, p.fullName)), el("td", {}, label("group", p.group)), el("td", {}, communeLabel(p.communeCode, p.provinceCode)))))));
  };
  search.addEventListener("change", () => void load());
  const register = can(me, caseWorkers) ? el("a", { href: "#/people/new", class: "button", "data-testid": "register-person-open" }, t("registerPerson")) : null;
  clear(main, el("h1", {}, t("navPeople")), register, search, list);
  void load();
}
