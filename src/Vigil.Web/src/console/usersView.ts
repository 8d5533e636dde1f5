// Officer accounts of the administrator's jurisdiction: create one in a unit (the initial password and the TOTP secret
// are shown once), unlock, disable, reset the second factor (the new secret is shown once).
import { ApiError, all, post } from "../shared/api";
import { clear, el, field, options } from "../shared/dom";
import { label, t } from "../shared/i18n";
import { dateTime } from "../shared/time";
import type { Me, Unit, User } from "../shared/types";

const roles = ["nationalSupervisor", "provincialSupervisor", "provincialAnalyst", "communeChief", "managingOfficer", "deviceLogistics", "systemAdministrator"];

interface CreatedAccount { user: User; initialPassword: string | null; totpSecret: string | null }

export function usersView(main: HTMLElement, _me: Me): void {
  const list = el("div", {});
  const message = el("p", { class: "error", role: "alert", "data-testid": "users-error" });
  const secret = el("p", { class: "notice", "data-testid": "account-secret" });
  let units: Unit[] = [];
  const fail = (e: unknown) => { message.textContent = t("error", { reason: e instanceof ApiError ? e.message : String(e) }); };
  const act = async (path: string) => {
    message.textContent = "";
    secret.textContent = "";
    try {
      const changed = await post<CreatedAccount | User>(path);
      if ("totpSecret" in changed && changed.totpSecret) secret.textContent = t("newSecondFactor", { username: changed.user.username, totp: changed.totpSecret });
      await load();
    } catch (e) { fail(e); }
  };
  const state = (u: User) => (u.disabled ? t("accountDisabled") : u.lockedUntil ? t("accountLocked", { until: dateTime(u.lockedUntil) }) : t("accountActive"));
  let loads = 0; // only the newest of overlapping loads draws
  const load = async () => {
    const run = ++loads;
    const users = await all<User>("/users");
    if (run !== loads) return;
    clear(list, el("table", { class: "grid", "data-testid": "users" },
      el("thead", {}, el("tr", {}, [t("username"), t("displayName"), t("role"), t("unit"), t("state"), t("actions")].map(h => el("th", {}, h)))),
      el("tbody", {}, users.map(u => el("tr", { "data-testid": "user-row", "data-username": u.username, "data-disabled": String(!!u.disabled) },
        el("td", {}, u.username), el("td", {}, u.displayName), el("td", {}, label("role", u.role)),
        el("td", {}, units.find(x => x.id === u.unitId)?.name ?? "—"), el("td", {}, state(u)),
        el("td", {},
          u.lockedUntil ? el("button", { type: "button", onclick: () => act(`/users/${u.id}/unlock`) }, t("unlock")) : null,
          !u.disabled ? el("button", { type: "button", "data-testid": "disable-user", onclick: () => act(`/users/${u.id}/disable`) }, t("disable")) : null,
          el("button", { type: "button", "data-testid": "reset-second-factor", onclick: () => act(`/users/${u.id}/second-factor/reset`) }, t("resetSecondFactor"))))))));
  };
  const unitSelect = el("select", { name: "unitId", "aria-label": t("unit") });
  const create = el("form", { class: "row", "data-testid": "create-user" },
    el("input", { name: "username", placeholder: t("username"), required: true, "aria-label": t("username") }),
    el("input", { name: "displayName", placeholder: t("displayName"), required: true, "aria-label": t("displayName") }),
    el("select", { name: "role", "aria-label": t("role") }, options(roles, r => label("role", r))), unitSelect,
    el("button", { type: "submit" }, t("createUser")));
  create.addEventListener("submit", async e => {
    e.preventDefault();
    message.textContent = "";
    try {
      const made = await post<CreatedAccount>("/users", {
        username: field(create, "username"), displayName: field(create, "displayName"), role: field(create, "role"), unitId: field(create, "unitId"),
      });
      secret.textContent = t("initialPassword", { username: made.user.username, password: made.initialPassword ?? "—", totp: made.totpSecret ?? "—" });
      create.reset();
      await load();
    } catch (error) { fail(error); }
  });
  clear(main, el("h1", {}, t("navUsers")), el("p", { class: "muted" }, t("usersHint")), create, message, secret, list);
  void (async () => {
    try {
      units = await all<Unit>("/units");
      unitSelect.replaceChildren(...options(units.map(u => u.id), id => units.find(u => u.id === id)!.name));
      await load();
    } catch (e) { fail(e); }
  })();
}
