// Suspicious places (a tab of the investigations screen, for the hotspot registry's editors): over a period of at most
// 31 days the server mines the jurisdiction's location history for places where several monitored people spend the
// night or gatherings recur, audits the analysis with its reason, and the screen ranks the places with their evidence
// (who, which nights, how often) on a list and a map. One action promotes a place to the hotspot registry.
import L from "leaflet";
import { post } from "../shared/api";
import { clear, el, field, options } from "../shared/dom";
import { mountMap } from "../shared/geo";
import { label, t } from "../shared/i18n";
import { date, dateTime, fromLocalInput, toLocalInput } from "../shared/time";
import type { Hotspot } from "../shared/types";
import { clearErrors, control, showErrors } from "./formFields";
import { hotspotCategories } from "./hotspotsView";

interface Found { personId: string; fullName: string; provinceCode: string; communeCode: string }
interface Place {
  rank: number; lat: number; lon: number; radiusMeters: number; people: number; nights: number; gatherings: number; score: number;
  dwells: { person: Found; night: string; from: string; to: string; lat: number; lon: number; fixes: number }[];
  gatheringsHere: { gatheringId: string; since: string; until: string | null; members: Found[] }[];
}
interface Places { reason: string; from: string; to: string; fixesRead: number; places: Place[] }

const dayMs = 24 * 3600 * 1000;

export function suspiciousPlacesSearch(box: HTMLElement): () => void {
  const mapBox = el("div", { class: "map medium", "data-testid": "places-map" });
  const message = el("p", { class: "error", role: "alert", "data-testid": "places-message" });
  const results = el("ol", { class: "plain places", "data-testid": "places" });
  const now = new Date();
  let map: L.Map | null = null;
  const drawn = L.layerGroup();
  const circles = new Map<number, L.Circle>();

  const form = el("form", { "data-testid": "places-form", novalidate: true },
    el("p", { class: "muted" }, t("suspiciousHint")),
    el("div", { class: "row" },
      control("from", "from", el("input", { type: "datetime-local", required: true, value: toLocalInput(new Date(now.getTime() - 30 * dayMs)) })),
      control("to", "to", el("input", { type: "datetime-local", required: true, value: toLocalInput(now) }))),
    el("div", { class: "row" }, control("reason", "reason", el("textarea", { rows: 2, maxlength: 500, placeholder: t("investigationReasonHint") }))),
    el("div", { class: "row" }, el("button", { type: "submit", "data-testid": "places-search" }, t("search"))));

  /** The promote form of one place: its centre and radius as listed, a name and category typed, the search's reason offered. */
  const promoteForm = (p: Place, reason: string): HTMLElement => {
    const note = el("p", { class: "error", role: "alert", "data-testid": "promote-message" });
    const promote = el("form", { class: "row", "data-testid": "promote-form", novalidate: true },
      control("name", "hotspotName", el("input", { required: true })),
      control("category", "category", el("select", {}, options(hotspotCategories, c => label("hotspotCategory", c), "other"))),
      control("reason", "reason", el("textarea", { rows: 1, maxlength: 500, value: reason })),
      el("button", { type: "submit", "data-testid": "promote" }, t("promote")));
    promote.addEventListener("submit", async e => {
      e.preventDefault();
      try {
        const made = await post<Hotspot>("/suspicious-places/promote", {
          reason: field(promote, "reason"), name: field(promote, "name"), category: field(promote, "category"),
          lat: p.lat, lon: p.lon, radiusMeters: p.radiusMeters,
        });
        clearErrors(promote);
        promote.querySelector("button")!.disabled = true;
        note.className = "notice";
        clear(note, t("promoted", { name: made.name }), " ", el("a", { href: "#/hotspots", "data-testid": "open-hotspots" }, t("openHotspots")));
      } catch (error) { showErrors(promote, note, error); }
    });
    return el("div", {}, promote, note);
  };

  const show = (answer: Places) => {
    drawn.clearLayers();
    circles.clear();
    for (const p of answer.places) {
      const circle = L.circle([p.lat, p.lon], { radius: p.radiusMeters, color: "#c0392b", fillOpacity: 0.2 })
        .bindTooltip(t("placeRank", { rank: p.rank, score: p.score })).addTo(drawn);
      circles.set(p.rank, circle);
    }
    message.className = "notice";
    message.textContent = t("suspiciousFound", { count: answer.places.length, fixes: answer.fixesRead });
    clear(results, answer.places.map(p => el("li", { "data-testid": "place", "data-rank": p.rank },
      el("strong", { onclick: () => { const c = circles.get(p.rank); if (map && c) map.fitBounds(c.getBounds().pad(1), { animate: false }); } }, t("placeRank", { rank: p.rank, score: p.score })),
      " ", el("span", { class: "muted" }, `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}`),
      el("p", { "data-testid": "place-figures" }, t("placeFigures", { people: p.people, nights: p.nights, gatherings: p.gatherings, radius: Math.round(p.radiusMeters) })),
      p.dwells.length ? el("details", { open: true }, el("summary", {}, t("nightDwells")), el("ul", {}, p.dwells.map(d => el("li", { "data-testid": "dwell" },
        el("a", { href: `#/people/${d.person.personId}` }, d.person.fullName),
        " — ", t("dwellLine", { night: date(d.night), from: dateTime(d.from), to: dateTime(d.to), fixes: d.fixes }))))) : null,
      p.gatheringsHere.length ? el("details", { open: true }, el("summary", {}, t("gatheringsHere")), el("ul", {}, p.gatheringsHere.map(g => el("li", { "data-testid": "place-gathering" },
        t("gatheringLine", { since: dateTime(g.since), until: dateTime(g.until), members: g.members.map(m => m.fullName).join(", ") }))))) : null,
      promoteForm(p, answer.reason))));
    // At once, not animated: a pan at an unchanged zoom is animated by the clock, which a fixed clock (the browser tests') never moves.
    if (map && answer.places.length) map.fitBounds(L.featureGroup(drawn.getLayers() as L.Layer[]).getBounds().pad(0.3), { animate: false });
  };

  form.addEventListener("submit", async e => {
    e.preventDefault();
    try {
      const answer = await post<Places>("/suspicious-places", {
        reason: field(form, "reason"), from: fromLocalInput(field(form, "from")), to: fromLocalInput(field(form, "to")),
      });
      clearErrors(form);
      show(answer);
    } catch (error) { showErrors(form, message, error); }
  });

  clear(box, mapBox, form, message, results);
  return mountMap(mapBox, [drawn], created => { map = created; });
}
