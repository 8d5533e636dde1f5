// "Who was with this person over this period" (a tab of the investigations screen): the investigator picks a person
// of their jurisdiction, a period (at most 31 days), a radius and states the reason; the server compares the person's
// fixes with everyone else's (within the radius, within two minutes), audits the search, and the screen lists the
// companions — who, when, how long, where they came closest — and draws each encounter on the map.
import L from "leaflet";
import { get, post, query, type Page } from "../shared/api";
import { clear, el, field } from "../shared/dom";
import { mountMap } from "../shared/geo";
import { t } from "../shared/i18n";
import { dateTime, fromLocalInput, toLocalInput } from "../shared/time";
import type { PersonSummary } from "../shared/types";
import { clearErrors, control, showErrors } from "./formFields";

interface Fix { deviceId: string; measuredAt: string; lat: number; lon: number; accuracyMeters: number | null }
interface Companion {
  person: { personId: string; fullName: string; provinceCode: string; communeCode: string };
  encounters: number; minutesTogether: number; firstAt: string; lastAt: string; closestMeters: number;
  samples: { person: Fix; companion: Fix; distanceMeters: number }[];
}
interface CoLocation { reason: string; personId: string; from: string; to: string; radiusMeters: number; toleranceSeconds: number; personFixes: number; companions: Companion[] }

const dayMs = 24 * 3600 * 1000;

export function coLocationSearch(box: HTMLElement, personId: string): () => void {
  const mapBox = el("div", { class: "map medium", "data-testid": "colo-map" });
  const message = el("p", { class: "error", role: "alert", "data-testid": "colo-message" });
  const results = el("div", { "data-testid": "colo-results" });
  const now = new Date();
  const find = el("input", { type: "search", placeholder: t("findPerson"), "aria-label": t("findPerson"), "data-testid": "colo-find" });
  const person = el("select", { required: true });
  let map: L.Map | null = null;
  const drawn = L.layerGroup();

  let loads = 0; // only the newest of overlapping loads draws
  const fillPeople = async () => {
    const run = ++loads;
    const page = await get<Page<PersonSummary>>(`/persons${query({ search: find.value.trim() || undefined, pageSize: "50" })}`);
    const chosen = person.value || personId;
    const people = page.items.some(p => p.id === chosen) || !chosen ? page.items
      : [await get<PersonSummary>(`/persons/${encodeURIComponent(chosen)}`).catch(() => null), ...page.items].filter((p): p is PersonSummary => p !== null);
    if (run !== loads) return;
    person.replaceChildren(...people.map(p => el("option", { value: p.id, selected: p.id === chosen }, `${p.fullName} (${p.communeCode})`)));
  };
  find.addEventListener("input", () => void fillPeople().catch(e => showErrors(form, message, e)));

  const form = el("form", { "data-testid": "colo-form", novalidate: true },
    el("p", { class: "muted" }, t("coLocationHint")),
    el("div", { class: "row" }, find, control("personId", "personToSearch", person)),
    el("div", { class: "row" },
      control("from", "from", el("input", { type: "datetime-local", required: true, value: toLocalInput(new Date(now.getTime() - 7 * dayMs)) })),
      control("to", "to", el("input", { type: "datetime-local", required: true, value: toLocalInput(now) })),
      control("radiusMeters", "radius", el("input", { type: "number", min: 1, max: 500, value: 50, required: true }))),
    el("div", { class: "row" }, control("reason", "reason", el("textarea", { rows: 2, maxlength: 500, placeholder: t("investigationReasonHint") }))),
    el("div", { class: "row" }, el("button", { type: "submit", "data-testid": "colo-search" }, t("search"))));

  const show = (answer: CoLocation) => {
    drawn.clearLayers();
    const name = person.selectedOptions[0]?.textContent ?? "";
    const where = new Map<string, L.LatLng>();
    for (const c of answer.companions) {
      for (const s of c.samples) {
        L.polyline([[s.person.lat, s.person.lon], [s.companion.lat, s.companion.lon]], { color: "#7f8c8d", weight: 1 }).addTo(drawn);
        L.circleMarker([s.person.lat, s.person.lon], { radius: 5, color: "#1f5fbf", fillOpacity: 0.8 }).bindTooltip(`${name} · ${dateTime(s.person.measuredAt)}`).addTo(drawn);
        L.circleMarker([s.companion.lat, s.companion.lon], { radius: 5, color: "#c0392b", fillOpacity: 0.8 })
          .bindTooltip(`${c.person.fullName} · ${dateTime(s.companion.measuredAt)} · ${t("metres", { value: Math.round(s.distanceMeters) })}`).addTo(drawn);
      }
      const closest = [...c.samples].sort((a, b) => a.distanceMeters - b.distanceMeters)[0];
      if (closest) where.set(c.person.personId, L.latLng(closest.companion.lat, closest.companion.lon));
    }
    message.className = "notice";
    message.textContent = t("coLocationFound", { count: answer.companions.length, name, fixes: answer.personFixes });
    clear(results, answer.companions.length === 0 ? el("p", { class: "muted" }, t("none")) : el("table", { class: "grid", "data-testid": "colo-companions" },
      el("thead", {}, el("tr", {}, [t("displayName"), t("coLocationWhen"), t("coLocationTogether"), t("coLocationWhere")].map(h => el("th", {}, h)))),
      el("tbody", {}, answer.companions.map(c => {
        const at = where.get(c.person.personId);
        return el("tr", { "data-testid": "colo-companion", "data-person": c.person.personId, onclick: () => { if (map && at) map.setView(at, 18, { animate: false }); } },
          el("td", {}, el("a", { href: `#/people/${c.person.personId}` }, c.person.fullName), " ", el("span", { class: "muted" }, c.person.communeCode)),
          el("td", {}, `${dateTime(c.firstAt)} – ${dateTime(c.lastAt)}`),
          el("td", {}, t("togetherMinutes", { minutes: c.minutesTogether, encounters: c.encounters })),
          el("td", {}, t("closestAt", { metres: Math.round(c.closestMeters), lat: at?.lat.toFixed(5) ?? "—", lon: at?.lng.toFixed(5) ?? "—" })));
      }))));
    if (map && drawn.getLayers().length) map.fitBounds(L.featureGroup(drawn.getLayers() as L.Layer[]).getBounds().pad(0.3), { animate: false });
  };

  form.addEventListener("submit", async e => {
    e.preventDefault();
    try {
      const answer = await post<CoLocation>("/investigations/co-location", {
        reason: field(form, "reason"), personId: field(form, "personId") || undefined,
        from: fromLocalInput(field(form, "from")), to: fromLocalInput(field(form, "to")), radiusMeters: Number(field(form, "radiusMeters")),
      });
      clearErrors(form);
      show(answer);
    } catch (error) { showErrors(form, message, error); }
  });

  clear(box, mapBox, form, message, results);
  void fillPeople().catch(e => showErrors(form, message, e));
  return mountMap(mapBox, [drawn], created => { map = created; });
}
