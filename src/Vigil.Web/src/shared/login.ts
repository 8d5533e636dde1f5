// Log-in in two steps: password, then (officers) the TOTP code. Wearers and guardians get their token at once.
import { ApiError, call, get, post, session } from "./api";
import { clear, el, field } from "./dom";
import { languageToggle, t } from "./i18n";
import type { LogIn, Me } from "./types";

export function loginView(root: HTMLElement, title: string, done: (me: Me) => void): void {
  const message = el("p", { class: "error", role: "alert", "data-testid": "login-error" });
  const fail = (e: unknown) => { message.textContent = t("loginFailed", { reason: e instanceof ApiError ? e.message : String(e) }); };

  const finish = async (token: string) => {
    session.token = token;
    done(await get<Me>("/auth/me"));
  };

  const codeForm = (secondFactorToken: string) => {
    const form = el("form", { class: "card login", "data-testid": "second-factor-form" },
      el("h1", {}, title),
      el("p", {}, t("codeHint")),
      el("label", {}, t("code"), el("input", { name: "code", inputmode: "numeric", autocomplete: "one-time-code", pattern: "[0-9]{6}", required: true, autofocus: true })),
      el("button", { type: "submit", class: "primary" }, t("confirm")),
      message);
    form.addEventListener("submit", async e => {
      e.preventDefault();
      try {
        const reply = await post<LogIn>("/auth/second-factor", { secondFactorToken, code: field(form, "code") });
        await finish(reply.accessToken!);
      } catch (error) { fail(error); }
    });
    clear(root, languageToggle(), form);
  };

  const form = el("form", { class: "card login", "data-testid": "login-form" },
    el("h1", {}, title),
    el("label", {}, t("username"), el("input", { name: "username", autocomplete: "username", required: true, autofocus: true })),
    el("label", {}, t("password"), el("input", { name: "password", type: "password", autocomplete: "current-password", required: true })),
    el("button", { type: "submit", class: "primary" }, t("logIn")),
    message);
  form.addEventListener("submit", async e => {
    e.preventDefault();
    try {
      const { data } = await call<LogIn>("/auth/login", { body: { username: field(form, "username"), password: field(form, "password") } });
      if (data.secondFactorRequired) codeForm(data.secondFactorToken!);
      else await finish(data.accessToken!);
    } catch (error) { fail(error); }
  });
  clear(root, languageToggle(), form);
}
