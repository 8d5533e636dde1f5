// "Who was near this place" (a tab of the investigations screen): the investigator picks a point on the map (or types
// it) and a radius, a period (by default last night, 22:00–05:00 Vietnam time) and states the reason the law requires;
// the server answers the people of their jurisdiction whose wristbands were inside, audits the search with the reason,
// and the screen lists them with when they were there and how close they came, and marks their fixes on the map.
import L from "leaflet";
import { ApiError, post } from "../shared/api";
import { clear, el, field } from "../shared/dom";
import { mountMap } from "../shared/geo";
import { t } from "../shared/i18n";
import { dateTime, fromLocalInput, toLocalInput } from "../shared/time";

interface Fix { deviceId: string; measuredAt: string; lat: number; lon: number; accuracyMeters: number | null }
interface Found { person: { personId: string; fullName: string; provinceCode: string; communeCode: string }; firstSeenAt: string; lastSeenAt: string; fixes: number; samples: Fix[] }
interface NearPlace { reason: string; from: string; to: string; people: Found[] }

const hourMs = 3600 * 1000;

/** Last night in Vietnam time: 22:00 to 05:00 of the night that ended most recently. */
function lastNight(now: Date): { from: Date; to: Date } {
  const vn = new Date(now.getTime() + 7 * hourMs);
  let end = Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate(), 5) - 7 * hourMs;
  if (end > now.getTime()) end -= 24 * hourMs;
  return { from: new Date(end - 7 * hourMs), to: new Date(end) };
}

export function nearPlaceSearch(main: HTMLElement): () => void {
  const mapBox = el("div", { class: "map medium", "data-testid": "near-map" });
  const message = el("p", { class: "error", role: "alert", "data-testid": "near-message" });
  const results = el("div", { "data-testid": "near-results" });
  const night = lastNight(new Date());
  const lat = el("input", { name: "lat", type: "number", step: "any", required: true, "aria-label": t("latitude"), placeholder: t("latitude"), "data-testid": "near-lat" });
  const lon = el("input", { name: "lon", type: "number", step: "any", required: true, "aria-label": t("longitude"), placeholder: t("longitude"), "data-testid": "near-lon" });
  const radius = el("input", { name: "radius", type: "number", min: 10, max: 5000, value: 200, required: true, "data-testid": "near-radius" });
  const from = el("input", { name: "from", type: "datetime-local", required: true, value: toLocalInput(night.from), "data-testid": "near-from" });
  const to = el("input", { name: "to", type: "datetime-local", required: true, value: toLocalInput(night.to), "data-testid": "near-to" });
  const reason = el("textarea", { name: "reason", required: true, minlength: 10, maxlength: 500, rows: 2, placeholder: t("investigationReasonHint"), "aria-label": t("reason"), "data-testid": "near-reason" });
  let map: L.Map | null = null;
  const area = L.layerGroup();
  const found = L.layerGroup();

  const centre = (): L.LatLng | null => (lat.value && lon.value ? L.latLng(Number(lat.value), Number(lon.value)) : null);
  const drawArea = () => {
    area.clearLayers();
    const c = centre();
    if (c) L.circle(c, { radius: Number(radius.value), color: "#1f5fbf", dashArray: "4 4", fillOpacity: 0.1 }).addTo(area);
  };
  for (const input of [lat, lon, radius]) input.addEventListener("input", drawArea);

  const fail = (e: unknown) => { message.className = "error"; message.textContent = t("error", { reason: e instanceof ApiError ? e.message : String(e) }); };

  const show = (answer: NearPlace, c: L.LatLng) => {
    found.clearLayers();
    const closest = (p: Found) => Math.min(...p.samples.map(s => c.distanceTo([s.lat, s.lon])));
    for (const p of answer.people) {
      for (const s of p.samples) {
        L.circleMarker([s.lat, s.lon], { radius: 5, color: "#c0392b", fillOpacity: 0.8 })
          .bindTooltip(`${p.person.fullName} · ${dateTime(s.measuredAt)}`).addTo(found);
      }
    }
    message.className = "notice";
    message.textContent = t("investigationFound", { count: answer.people.length });
    clear(results, answer.people.length === 0 ? el("p", { class: "muted" }, t("none")) : el("table", { class: "grid", "data-testid": "near-people" },
      el("thead", {}, el("tr", {}, [t("displayName"), t("investigationWhen"), t("investigationFixes"), t("investigationDistance")].map(h => el("th", {}, h)))),
      el("tbody", {}, answer.people.map(p => el("tr", { "data-testid": "near-person", "data-person": p.person.personId },
        el("td", {}, el("a", { href: `#/people/${p.person.personId}` }, p.person.fullName)),
        el("td", {}, `${dateTime(p.firstSeenAt)} – ${dateTime(p.lastSeenAt)}`),
        el("td", {}, p.fixes),
        el("td", {}, p.samples.length ? t("metres", { value: Math.round(closest(p)) }) : "—"))))));
    if (map && found.getLayers().length) map.fitBounds(L.featureGroup([...found.getLayers(), ...area.getLayers()] as L.Layer[]).getBounds().pad(0.2));
  };

  const form = el("form", { "data-testid": "near-form" },
    el("p", { class: "muted" }, t("investigationMapHint")),
    el("div", { class: "row" }, lat, lon, el("label", {}, t("radius"), " ", radius)),
    el("div", { class: "row" }, el("label", {}, t("from"), " ", from), el("label", {}, t("to"), " ", to)),
    el("div", { class: "row" }, el("label", {}, t("reason"), " ", reason)),
    el("div", { class: "row" }, el("button", { type: "submit", "data-testid": "near-search" }, t("search"))));
  form.addEventListener("submit", async e => {
    e.preventDefault();
    const c = centre();
    if (!c) return fail(t("investigationMapHint"));
    try {
      const answer = await post<NearPlace>("/investigations/near-place", {
        reason: field(form, "reason"), from: fromLocalInput(from.value), to: fromLocalInput(to.value),
        circle: { lat: c.lat, lon: c.lng, radiusMeters: Number(radius.value) },
      });
      show(answer, c);
    } catch (error) { fail(error); }
  });

  clear(main, mapBox, form, message, results);
  return mountMap(mapBox, [area, found], created => {
    map = created;
    map.on("click", e => {
      lat.value = e.latlng.lat.toFixed(6);
      lon.value = e.latlng.lng.toFixed(6);
      drawArea();
    });
  });
}
