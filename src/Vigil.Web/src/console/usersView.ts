// Officer accounts of the administrator's jurisdiction: create (the password and TOTP secret are shown once), unlock,
// disable, reset the second factor.
import { ApiError, all, post } from "../shared/api";
import { clear, el, field, options } from "../shared/dom";
import { label, t } from "../shared/i18n";
import type { Me, Unit, User } from "../shared/types";

const roles = ["nationalSupervisor", "provincialSupervisor", "provincialAnalyst", "communeChief", "managingOfficer", "deviceLogistics", "systemAdministrator"];

export function usersView(main: HTMLElement, _me: Me): void {
  const list = el("div", {});
  const message = el("p", { class: "error", role: "alert" });
  const fail = (e: unknown) => { message.textContent = t("error", { reason: e instanceof ApiError ? e.message : String(e) }); };
  const act = async (path: string) => { try { await post(path); await load(); } catch (e) { fail(e); } };
  const load = async () => {
    const users = await all<User>("/users");
    clear(list, el("table", { class: "grid", "data-testid": "users" },
      el("thead", {}, el("tr", {}, [t("username"), t("displayName"), t("role"), t("actions")].map(h => el("th", {}, h)))),
      el("tbody", {}, users.map(u => el("tr", {}, el("td", {}, u.username), el("td", {}, u.displayName), el("td", {}, label("role", u.role)),
        el("td", {},
          u.lockedUntil ? el("button", { type: "button", onclick: () => act(`/users/${u.id}/unlock`) }, t("unlock")) : null,
          !u.disabled ? el("button", { type: "button", onclick: () => act(`/users/${u.id}/disable`) }, t("disable")) : null,
          el("button", { type: "button", onclick: () => act(`/users/${u.id}/second-factor/reset`) }, t("resetSecondFactor"))))))));
  };
  const units = el("select", { name: "unitId" });
  void all<Unit>("/units").then(us => units.replaceChildren(...options(us.map(u => u.id), id => us.find(u => u.id === id)!.name))).catch(fail);
  const create = el("form", { class: "row" },
    el("input", { name: "username", placeholder: t("username"), required: true }),
    el("input", { name: "displayName", placeholder: t("displayName"), required: true }),
    el("select", { name: "role" }, options(roles, r => label("role", r))), units,
    el("button", { type: "submit" }, t("createUser")));
  create.addEventListener("submit", async e => {
    e.preventDefault();
    try {
      const made = await post<{ initialPassword: string; totpSecret: string | null }>("/users", {
        username: field(create, "username"), displayName: field(create, "displayName"), role: field(create, "role"), unitId: field(create, "unitId"),
      });
      message.textContent = t("initialPassword", { password: made.initialPassword, totp: made.totpSecret ?? "—" });
      await load();
    } catch (error) { fail(error); }
  });
  clear(main, el("h1", {}, t("navUsers")), create, message, list);
  void load();
}
