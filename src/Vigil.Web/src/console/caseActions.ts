// The formal acts on a person's device, as forms: attach, temporary removal, reattach, change position, swap, collect.
import { ApiError, all, post } from "../shared/api";
import { el, field, options } from "../shared/dom";
import { label, t, type Key } from "../shared/i18n";
import { fromLocalInput, toLocalInput } from "../shared/time";
import type { Device } from "../shared/types";

const positions = ["leftWrist", "rightWrist", "leftAnkle", "rightAnkle"];

export function caseActions(personId: string, attached: boolean, removed: boolean, done: () => void): HTMLElement {
  const message = el("p", { class: "error", role: "alert" });
  const form = (key: Key, kind: string, fields: HTMLElement[], body: (f: HTMLFormElement) => unknown) => {
    const f = el("form", { class: "stack", "data-testid": `record-${kind}` }, el("h4", {}, t(key)), fields, el("button", { type: "submit" }, t(key)));
    f.addEventListener("submit", async e => {
      e.preventDefault();
      try {
        await post(`/persons/${personId}/records/${kind}`, body(f));
        message.textContent = t("recordDone");
        done();
      } catch (error) { message.textContent = t("error", { reason: error instanceof ApiError ? error.message : String(error) }); }
    });
    return el("details", {}, el("summary", {}, t(key)), f);
  };
  const devices = all<Device>("/devices?status=inStock").then(ds => ds.filter(d => d.provisioned)).catch(() => [] as Device[]);
  const stock = () => {
    const select = el("select", { name: "deviceId", "data-testid": "device-choice" });
    void devices.then(ds => select.replaceChildren(...options(ds.map(d => d.id), id => ds.find(d => d.id === id)!.deviceId)));
    return select;
  };
  const position = () => el("label", {}, t("bodyPosition"), el("select", { name: "position" }, options(positions, p => label("position", p))));
  const reason = () => el("label", {}, t("reason"), el("input", { name: "reason", required: true }));

  return el("div", { class: "case-actions" },
    !attached ? form("attach", "attachment", [el("label", {}, t("deviceChoice"), stock()), position()],
      f => ({ deviceId: field(f, "deviceId"), position: field(f, "position"), acknowledgedByWearer: true })) : null,
    attached && !removed ? form("removeTemporarily", "temporary-removal", [reason(),
      el("label", {}, t("expectedEnd"), el("input", { type: "datetime-local", name: "expectedEnd", required: true, value: toLocalInput(new Date(Date.now() + 4 * 3600e3)) }))],
    f => ({ reason: field(f, "reason"), expectedEnd: fromLocalInput(field(f, "expectedEnd")) })) : null,
    removed ? form("reattach", "reattachment", [], () => ({})) : null,
    attached ? form("changePosition", "position-change", [position(), reason()], f => ({ position: field(f, "position"), reason: field(f, "reason") })) : null,
    attached ? form("swap", "device-swap", [el("label", {}, t("deviceChoice"), stock()), reason()],
      f => ({ deviceId: field(f, "deviceId"), reason: field(f, "reason") })) : null,
    attached ? form("collect", "collection", [], () => ({})) : null,
    message);
}
