// Investigations: searches of everyone's whereabouts, each with the reason the law requires and audited with it. One
// tab per search: who was near a place, who was with a person, and — for the hotspot registry's editors — the
// suspicious places of the jurisdiction. The tab is in the address (#/investigations/<tab>[/<person>]).
import { clear, el } from "../shared/dom";
import { t, type Key } from "../shared/i18n";
import type { Me } from "../shared/types";
import { coLocationSearch } from "./coLocationSearch";
import { nearPlaceSearch } from "./nearPlaceSearch";
import { can, hotspotEditors } from "./roles";
import { suspiciousPlacesSearch } from "./suspiciousPlacesSearch";

type Tab = "near-place" | "co-location" | "suspicious-places";
const tabKeys: Record<Tab, Key> = { "near-place": "tabNearPlace", "co-location": "tabCoLocation", "suspicious-places": "tabSuspiciousPlaces" };

export function investigationsView(main: HTMLElement, me: Me, param?: string): () => void {
  const tabs: Tab[] = ["near-place", "co-location", ...(can(me, hotspotEditors) ? ["suspicious-places" as const] : [])];
  const tab = tabs.find(x => x === param) ?? tabs[0];
  const body = el("div", { "data-testid": `tab-body-${tab}` });
  clear(main,
    el("h1", {}, t("navInvestigations")),
    el("p", { class: "muted" }, t("investigationAudited")),
    el("nav", { class: "tabs", "data-testid": "investigation-tabs" },
      tabs.map(x => el("a", { href: `#/investigations/${x}`, class: x === tab ? "active" : "", "data-testid": `tab-${x}` }, t(tabKeys[x])))),
    body);
  if (tab === "co-location") return coLocationSearch(body, decodeURIComponent(location.hash.split("/")[3] ?? ""));
  if (tab === "suspicious-places") return suspiciousPlacesSearch(body);
  return nearPlaceSearch(body);
}
