// The wearer's request forms: temporary removal, position change, scope change, residence change, malfunction report.
import { ApiError, post } from "../shared/api";
import { el, field, options } from "../shared/dom";
import { label, t, type Key } from "../shared/i18n";
import { fromLocalInput, toLocalInput } from "../shared/time";

const positions = ["leftWrist", "rightWrist", "leftAnkle", "rightAnkle"];

export function requestForms(personId: string, sent: () => void): HTMLElement {
  const message = el("p", { class: "error", role: "alert", "data-testid": "request-message" });
  const soon = (hours: number) => toLocalInput(new Date(Date.now() + hours * 3600e3));
  const input = (key: Key, name: string, attrs: Record<string, string | number | boolean> = {}) =>
    el("label", {}, t(key), el("input", { name, ...attrs }));
  const reason = () => el("label", {}, t("reason"), el("textarea", { name: "reason", required: true, rows: 2, "data-testid": "request-reason" }));
  const form = (kind: string, fields: HTMLElement[], body: (f: HTMLFormElement) => Record<string, unknown>) => {
    const f = el("form", { class: "stack", "data-testid": `request-${kind}` }, fields, el("button", { type: "submit", class: "primary" }, t("send")));
    f.addEventListener("submit", async e => {
      e.preventDefault();
      try {
        await post(`/persons/${personId}/requests/${kind}`, { reason: field(f, "reason"), ...body(f) });
        sent();
      } catch (error) { message.textContent = t("error", { reason: error instanceof ApiError ? error.message : String(error) }); }
    });
    return el("details", { "data-kind": kind }, el("summary", {}, label("requestKind", camel(kind))), f);
  };
  return el("div", { class: "request-forms" },
    form("temporary-removal", [reason(), input("startsAt", "startsAt", { type: "datetime-local", value: soon(1), required: true }),
      input("expectedEnd", "expectedEnd", { type: "datetime-local", value: soon(5), required: true })],
    f => ({ startsAt: fromLocalInput(field(f, "startsAt")), expectedEnd: fromLocalInput(field(f, "expectedEnd")) })),
    form("position-change", [reason(),
      el("label", {}, t("bodyPosition"), el("select", { name: "position" }, options(positions, p => label("position", p)))),
      el("label", {}, t("positionReason"), el("select", { name: "positionReason" }, options(["comfort", "medical"], p => label("positionReason", p))))],
    f => ({ position: field(f, "position"), positionReason: field(f, "positionReason") })),
    form("scope-change", [reason(), el("p", { class: "muted" }, t("zones")),
      input("zoneName", "zoneName", { required: true }), input("radius", "radius", { type: "number", value: 200, min: 10 }),
      input("address", "lat", { type: "number", step: "any", placeholder: "lat", required: true }), input("address", "lon", { type: "number", step: "any", placeholder: "lon", required: true })],
    f => ({ scope: { zones: [{ kind: "residence", name: field(f, "zoneName"), circle: { lat: Number(field(f, "lat")), lon: Number(field(f, "lon")), radiusMeters: Number(field(f, "radius")) } }] } })),
    form("residence-change", [reason(), input("toCommune", "toCommuneCode", { required: true }), input("newAddress", "newAddress", { required: true }),
      input("startsAt", "startsAt", { type: "datetime-local", value: soon(24) })],
    f => ({ toCommuneCode: field(f, "toCommuneCode"), newAddress: field(f, "newAddress"), startsAt: fromLocalInput(field(f, "startsAt")) })),
    form("malfunction-report", [reason(), input("discoveredAt", "discoveredAt", { type: "datetime-local", value: soon(0) })],
      f => ({ discoveredAt: fromLocalInput(field(f, "discoveredAt")) })),
    message);
}

const camel = (kebab: string) => kebab.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
