// One device (opened from the devices list): what it is, where it is held, its status and provisioning, who wears it
// now (case readers only: the wearer is personal data), its history of records (whose, for case readers of that
// person's jurisdiction), and the actions of the list — provision and change status for device logistics.
import { ApiError, all, call, get, post } from "../shared/api";
import { clear, el, options } from "../shared/dom";
import { label, t } from "../shared/i18n";
import { dateTime } from "../shared/time";
import type { Device, DeviceHistoryItem, Me, Unit } from "../shared/types";
import { personLink } from "./names";
import { can, caseReaders } from "./roles";

const statuses = ["inStock", "inRepair", "retired"];

export function deviceView(main: HTMLElement, me: Me, id?: string): () => void {
  let disposed = false;
  const message = el("p", { class: "error", role: "alert", "data-testid": "device-message" });
  const fail = (e: unknown) => { message.textContent = t("error", { reason: e instanceof ApiError ? e.message : String(e) }); };
  const logistics = me.role === "deviceLogistics";
  clear(main, el("p", {}, t("loading")));

  const render = async (notice?: string) => {
    let device: Device, etag: string | null;
    try {
      ({ data: device, etag } = await call<Device>(`/devices/${id}`));
    } catch (e) {
      if (!disposed) clear(main, el("a", { href: "#/devices" }, `← ${t("navDevices")}`),
        el("p", { class: "error", "data-testid": "device-error" }, e instanceof ApiError && e.status === 404 ? t("notFound") : String(e)));
      return;
    }
    const units = await all<Unit>("/units").catch(() => [] as Unit[]);
    const history = await get<DeviceHistoryItem[]>(`/devices/${device.id}/history`).catch(e => { fail(e); return [] as DeviceHistoryItem[]; });
    if (disposed) return;
    const wearer = device.assignedPersonId && can(me, caseReaders) ? device.assignedPersonId : null;
    const row = (key: Parameters<typeof t>[0], value: Node | string) => [el("dt", {}, t(key)), el("dd", {}, value)];

    clear(main,
      el("a", { href: "#/devices", "data-testid": "back-to-devices" }, `← ${t("navDevices")}`),
      el("h1", { "data-testid": "device-title" }, device.deviceId),
      message,
      notice ? el("p", { class: "notice", "data-testid": "device-notice" }, notice) : null,
      el("div", { class: "person-grid" },
        el("section", { class: "card" }, el("h2", {}, t("device")),
          el("dl", { "data-testid": "device-facts" },
            row("serial", device.serial), row("imei", device.imei), row("model", `${device.model} ${device.firmware}`),
            row("state", el("span", { "data-testid": "device-status-label", "data-status": device.status }, label("deviceStatus", device.status))),
            row("heldBy", units.find(u => u.id === device.holdingUnitId)?.name ?? "—"),
            row("provisioned", device.provisioned ? t("provisionedAt", { time: dateTime(device.provisionedAt) }) : t("notProvisioned"))),
          logistics ? el("div", { class: "row" },
            !device.provisioned ? el("button", { type: "button", "data-testid": "provision", onclick: async () => {
              try {
                const p = await post<{ secret: string }>(`/devices/${device.id}/provision`);
                await render(t("secretOnce", { secret: p.secret }));
              } catch (e) { fail(e); }
            } }, t("provision")) : null,
            device.status !== "assigned" ? el("select", { "data-testid": "device-status", "aria-label": t("setStatus"), onchange: async (e: Event) => {
              // An edit names the version seen (If-Match): a concurrent change is refused, not overwritten.
              try { await post(`/devices/${device.id}/status`, { status: (e.target as HTMLSelectElement).value }, etag ?? `"${device.version}"`); await render(); } catch (error) { fail(error); }
            } }, options(statuses, s => label("deviceStatus", s), device.status)) : null) : null),
        el("section", { class: "card", "data-testid": "device-wearer" }, el("h2", {}, t("currentWearer")),
          !device.assignedPersonId ? el("p", {}, t("noWearer"))
            : !wearer ? el("p", {}, t("wearerHidden"))
            : el("p", {}, personLink(wearer))),
        el("section", { class: "card wide" }, el("h2", {}, t("deviceHistory")),
          history.length === 0 ? el("p", {}, t("none")) : el("ol", { class: "timeline", "data-testid": "device-history" }, history.map(h =>
            el("li", { "data-kind": h.kind }, el("time", {}, dateTime(h.occurredAt)), " ", label("recordKind", h.kind),
              h.position ? ` · ${label("position", h.position)}` : "", h.replaced ? ` · ${t("deviceReplaced")}` : "",
              h.personId ? [" — ", personLink(h.personId)] : ""))))));
  };

  void render();
  return () => { disposed = true; };
}
