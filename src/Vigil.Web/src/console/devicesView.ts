// Device inventory of the jurisdiction (register, provision, change status) and the communes' device-need proposals.
import { ApiError, all, post } from "../shared/api";
import { clear, el, field, options } from "../shared/dom";
import { label, t } from "../shared/i18n";
import { dateTime } from "../shared/time";
import type { Device, Me, Proposal } from "../shared/types";

const statuses = ["inStock", "inRepair", "retired"];

export function devicesView(main: HTMLElement, me: Me): void {
  const message = el("p", { class: "error", role: "alert" });
  const list = el("div", {});
  const proposals = el("div", {});
  const fail = (e: unknown) => { message.textContent = t("error", { reason: e instanceof ApiError ? e.message : String(e) }); };
  const logistics = me.role === "deviceLogistics";

  const load = async () => {
    const devices = await all<Device>("/devices");
    clear(list, el("table", { class: "grid", "data-testid": "devices" },
      el("thead", {}, el("tr", {}, ["ID", t("serial"), t("model"), t("state"), t("actions")].map(h => el("th", {}, h)))),
      el("tbody", {}, devices.map(d => el("tr", {},
        el("td", {}, d.deviceId), el("td", {}, d.serial), el("td", {}, `${d.model} ${d.firmware}`), el("td", {}, label("deviceStatus", d.status)),
        el("td", {}, logistics && !d.provisioned ? el("button", { type: "button", onclick: async () => {
          try {
            const p = await post<{ secret: string }>(`/devices/${d.id}/provision`);
            message.textContent = t("secretOnce", { secret: p.secret });
          } catch (e) { fail(e); }
        } }, t("provision")) : null,
        logistics && d.status !== "assigned" ? el("select", { onchange: async (e: Event) => {
          try { await post(`/devices/${d.id}/status`, { status: (e.target as HTMLSelectElement).value }); await load(); } catch (error) { fail(error); }
        } }, options(statuses, s => label("deviceStatus", s), d.status)) : null))))));
    try {
      const ps = await all<Proposal>("/device-proposals");
      clear(proposals, el("ul", { class: "plain" }, ps.map(p => el("li", {},
        `${p.communeCode}: ${p.requested} (${t("navPeople")}: ${p.caseload}) — ${label("proposalStatus", p.status)} · ${dateTime(p.submittedAt)}`,
        p.status === "submitted" && (me.role === "provincialSupervisor" || logistics) ? el("button", { type: "button", onclick: async () => {
          try { await post(`/device-proposals/${p.id}/allocate`, { count: p.requested }); await load(); } catch (e) { fail(e); }
        } }, t("allocate")) : null))));
    } catch {
      proposals.replaceChildren();
    }
  };

  const register = el("form", { class: "row" },
    el("input", { name: "serial", placeholder: t("serial"), required: true }), el("input", { name: "imei", placeholder: "IMEI", required: true }),
    el("input", { name: "model", placeholder: t("model"), required: true }), el("input", { name: "firmware", placeholder: t("firmware"), required: true }),
    el("button", { type: "submit" }, t("registerDevice")));
  register.addEventListener("submit", async e => {
    e.preventDefault();
    try {
      await post("/devices", { serial: field(register, "serial"), imei: field(register, "imei"), model: field(register, "model"), firmware: field(register, "firmware") });
      register.reset();
      await load();
    } catch (error) { fail(error); }
  });
  const propose = el("form", { class: "row" }, el("input", { name: "requested", type: "number", min: 1, placeholder: t("requested"), required: true }),
    el("input", { name: "justification", placeholder: t("reason") }), el("button", { type: "submit" }, t("propose")));
  propose.addEventListener("submit", async e => {
    e.preventDefault();
    try { await post("/device-proposals", { requested: Number(field(propose, "requested")), justification: field(propose, "justification") || undefined }); await load(); } catch (error) { fail(error); }
  });

  clear(main, el("h1", {}, t("navDevices")), logistics ? register : null, message, list,
    el("h2", {}, t("proposals")), me.role === "communeChief" ? propose : null, proposals);
  void load();
}
