// Device inventory of the jurisdiction (register, provision, change status) and the communes' device-need proposals.
import { ApiError, all, post } from "../shared/api";
import { clear, el, field, options } from "../shared/dom";
import { label, t } from "../shared/i18n";
import { dateTime } from "../shared/time";
import type { Device, Me, Proposal } from "../shared/types";
import { communeLabel } from "./communes";

const statuses = ["inStock", "inRepair", "retired"];

export function devicesView(main: HTMLElement, me: Me): void {
  const message = el("p", { class: "error", role: "alert", "data-testid": "devices-message" });
  const list = el("div", {});
  const proposals = el("div", {});
  const fail = (e: unknown) => { message.textContent = t("error", { reason: e instanceof ApiError ? e.message : String(e) }); };
  const logistics = me.role === "deviceLogistics";

  // Loads overlap (the first one, then one after each action): only the newest may draw, or a slow early answer
  // would overwrite a newer list.
  let loads = 0;
  const load = async () => {
    const run = ++loads;
    const devices = await all<Device>("/devices");
    if (run !== loads) return;
    clear(list, el("table", { class: "grid", "data-testid": "devices" },
      el("thead", {}, el("tr", {}, ["ID", t("serial"), t("model"), t("state"), t("actions")].map(h => el("th", {}, h)))),
      el("tbody", {}, devices.map(d => el("tr", { "data-testid": "device-row", "data-serial": d.serial, "data-status": d.status },
        el("td", {}, el("a", { href: `#/devices/${d.id}`, "data-testid": "device-link" }, d.deviceId)), el("td", {}, d.serial), el("td", {}, `${d.model} ${d.firmware}`), el("td", {}, label("deviceStatus", d.status)),
        el("td", {}, logistics && !d.provisioned ? el("button", { type: "button", "data-testid": "provision", onclick: async () => {
          try {
            const p = await post<{ secret: string }>(`/devices/${d.id}/provision`);
            await load(); // provisioning makes a new version of the device
            message.textContent = t("secretOnce", { secret: p.secret });
          } catch (e) { fail(e); }
        } }, t("provision")) : null,
        logistics && d.status !== "assigned" ? el("select", { "data-testid": "device-status", "aria-label": t("setStatus"), onchange: async (e: Event) => {
          // The status change is an edit: it names the version seen (If-Match), so a concurrent change is not overwritten.
          try { await post(`/devices/${d.id}/status`, { status: (e.target as HTMLSelectElement).value }, `"${d.version}"`); await load(); } catch (error) { fail(error); }
        } }, options(statuses, s => label("deviceStatus", s), d.status)) : null))))));
    try {
      const ps = await all<Proposal>("/device-proposals");
      if (run !== loads) return;
      clear(proposals, el("ul", { class: "plain", "data-testid": "proposals" }, ps.map(p => el("li", { "data-testid": "proposal", "data-status": p.status },
        communeLabel(p.communeCode, p.provinceCode), `: ${p.requested} (${t("navPeople")}: ${p.caseload})${p.justification ? ` — ${p.justification}` : ""} — ${label("proposalStatus", p.status)}`
          + `${p.status === "allocated" ? ` ${p.allocated}` : ""} · ${dateTime(p.submittedAt)}${p.decisionNote ? ` · ${p.decisionNote}` : ""}`,
        p.status === "submitted" && (me.role === "provincialSupervisor" || logistics) ? decide(p) : null))));
    } catch {
      proposals.replaceChildren();
    }
  };

  /** Allocate a chosen number of devices (the commune's request by default) or refuse, with a note. */
  const decide = (p: Proposal) => {
    const form = el("form", { class: "row", "data-testid": "proposal-decision" },
      el("input", { name: "count", type: "number", min: 1, value: p.requested, "aria-label": t("requested"), "data-testid": "allocate-count" }),
      el("input", { name: "note", placeholder: t("note"), "aria-label": t("note") }),
      el("button", { type: "submit", "data-testid": "allocate" }, t("allocate")),
      el("button", { type: "button", "data-testid": "refuse-proposal", onclick: () => act("refuse") }, t("refuse")));
    const act = async (what: "allocate" | "refuse") => {
      try {
        await post(`/device-proposals/${p.id}/${what}`, { count: what === "allocate" ? Number(field(form, "count")) : 0, note: field(form, "note") || undefined });
        await load();
      } catch (e) { fail(e); }
    };
    form.addEventListener("submit", e => { e.preventDefault(); void act("allocate"); });
    return form;
  };

  const register = el("form", { class: "row", "data-testid": "register-device" },
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
  const propose = el("form", { class: "row", "data-testid": "propose-form" }, el("input", { name: "requested", type: "number", min: 1, placeholder: t("requested"), required: true }),
    el("input", { name: "justification", placeholder: t("reason") }), el("button", { type: "submit" }, t("propose")));
  propose.addEventListener("submit", async e => {
    e.preventDefault();
    try { await post("/device-proposals", { requested: Number(field(propose, "requested")), justification: field(propose, "justification") || undefined }); await load(); } catch (error) { fail(error); }
  });

  clear(main, el("h1", {}, t("navDevices")), logistics ? register : null, message, list,
    el("h2", {}, t("proposals")), me.role === "communeChief" ? propose : null, proposals);
  void load();
}
