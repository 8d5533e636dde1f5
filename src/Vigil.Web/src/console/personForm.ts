// Registering a person and editing their profile, adding a guardian, and creating the wearer's or a guardian's app
// log-in (the one-time password is shown once). The API's field errors are shown next to the field they name.
import { ApiError, call, post } from "../shared/api";
import { clear, el, field, options, type Child } from "../shared/dom";
import { label, t, type Key } from "../shared/i18n";
import type { Me, Person, User } from "../shared/types";
import { can, caseWorkers } from "./roles";

const sexes = ["male", "female"];
const groups = ["communityRehabilitation", "substitutionTreatment", "postRehabilitation"];

/** A labelled control with a slot for the API's error about the field of the same name. */
function control(name: string, key: Key, input: HTMLElement): HTMLElement {
  input.setAttribute("name", name);
  input.setAttribute("data-testid", `field-${name}`);
  return el("label", { class: "stack-item" }, t(key), input, el("small", { class: "error", "data-error-for": name }));
}

/** Shows each field error of a failed call next to its control; what no control names goes to the form's message. */
export function showErrors(form: HTMLFormElement, message: HTMLElement, e: unknown): void {
  form.querySelectorAll<HTMLElement>("[data-error-for]").forEach(s => { s.textContent = ""; });
  if (!(e instanceof ApiError)) {
    message.textContent = t("error", { reason: String(e) });
    return;
  }
  const unplaced: string[] = [];
  for (const [name, reasons] of Object.entries(e.errors)) {
    const slot = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(name)}"]`);
    if (slot) slot.textContent = reasons.join(", ");
    else unplaced.push(`${name}: ${reasons.join(", ")}`);
  }
  message.textContent = unplaced.length > 0 || Object.keys(e.errors).length === 0 ? t("error", { reason: unplaced.join("; ") || e.message }) : "";
}

function profileFields(p?: Person): Child[] {
  return [
    control("fullName", "fullName", el("input", { value: p?.fullName ?? "", required: true })),
    control("nationalId", "nationalId", el("input", { value: p?.nationalId ?? "", required: true, inputmode: "numeric" })),
    control("dateOfBirth", "dateOfBirth", el("input", { type: "date", value: p?.dateOfBirth ?? "", required: true })),
    control("sex", "sex", el("select", {}, options(sexes, s => label("sex", s), p?.sex))),
    control("group", "group", el("select", {}, options(groups, g => label("group", g), p?.group))),
    control("phone", "phone", el("input", { type: "tel", value: p?.phone ?? "" })),
    control("residenceAddress", "address", el("input", { value: p?.residenceAddress ?? "", required: true })),
  ];
}

function profileBody(form: HTMLFormElement): Record<string, unknown> {
  return {
    fullName: field(form, "fullName"), nationalId: field(form, "nationalId"), dateOfBirth: field(form, "dateOfBirth") || null,
    sex: field(form, "sex"), group: field(form, "group"), phone: field(form, "phone") || null, residenceAddress: field(form, "residenceAddress"),
  };
}

function guardianFields(prefix: string): Child[] {
  return [
    control(`${prefix}fullName`, "guardianName", el("input", {})),
    control(`${prefix}relationship`, "relationship", el("input", {})),
    control(`${prefix}phone`, "phone", el("input", { type: "tel" })),
  ];
}

/** "Register a person": the profile and optionally a first guardian; on success the new person's page opens. */
export function registerView(main: HTMLElement, me: Me): void {
  if (!can(me, caseWorkers)) {
    clear(main, el("p", { class: "error" }, t("notFound")));
    return;
  }
  const message = el("p", { class: "error", role: "alert", "data-testid": "register-error" });
  const form = el("form", { class: "stack", "data-testid": "register-person", novalidate: true },
    ...profileFields(),
    el("fieldset", {}, el("legend", {}, t("firstGuardian")), ...guardianFields("guardians[0].")),
    el("button", { type: "submit", "data-testid": "register-submit" }, t("registerPerson")));
  form.addEventListener("submit", async e => {
    e.preventDefault();
    const guardian = { fullName: field(form, "guardians[0].fullName"), relationship: field(form, "guardians[0].relationship"), phone: field(form, "guardians[0].phone") };
    const anyGuardian = Object.values(guardian).some(v => v !== "");
    try {
      const made = await post<Person>("/persons", { ...profileBody(form), guardians: anyGuardian ? [guardian] : [] });
      location.hash = `#/people/${made.id}`;
    } catch (error) { showErrors(form, message, error); }
  });
  clear(main, el("h1", {}, t("registerPerson")), el("p", { class: "muted" }, t("registerHint")), message, form);
}

interface CreatedAccount { user: User; initialPassword: string | null }

/** The case worker's tools on the person page: edit the profile (sent with the version read), add a guardian, and
 * create the wearer's or a guardian's log-in under the username typed. */
export function profileTools(person: Person, etag: string | null, changed: () => void): HTMLElement {
  const box = el("div", { class: "row" });
  const secret = el("p", { class: "notice", "data-testid": "account-secret" });
  const open = (form: HTMLFormElement, message: HTMLElement, send: () => Promise<unknown>) => {
    form.addEventListener("submit", async e => {
      e.preventDefault();
      try {
        await send();
        changed();
      } catch (error) { showErrors(form, message, error); }
    });
    const cancel = el("button", { type: "button", onclick: () => clear(panel) }, t("cancel"));
    clear(panel, message, form, cancel);
  };
  const panel = el("div", {});

  const editProfile = () => {
    const message = el("p", { class: "error", role: "alert", "data-testid": "profile-error" });
    const form = el("form", { class: "stack", "data-testid": "edit-profile", novalidate: true }, ...profileFields(person),
      el("button", { type: "submit", "data-testid": "profile-save" }, t("save")));
    // A PUT replaces the whole profile: what this form does not show (the residence's position, the managing officer) is sent back as read.
    const kept = { residenceLat: person.residenceLat, residenceLon: person.residenceLon, managingOfficerId: person.managingOfficerId };
    open(form, message, () => call<Person>(`/persons/${person.id}`, { method: "PUT", body: { ...profileBody(form), ...kept }, etag: etag ?? undefined }));
  };
  const addGuardian = () => {
    const message = el("p", { class: "error", role: "alert", "data-testid": "guardian-error" });
    const form = el("form", { class: "stack", "data-testid": "add-guardian", novalidate: true }, ...guardianFields(""),
      el("button", { type: "submit" }, t("addGuardian")));
    open(form, message, () => post(`/persons/${person.id}/guardians`, {
      fullName: field(form, "fullName"), relationship: field(form, "relationship"), phone: field(form, "phone"),
    }));
  };
  const account = async (path: string) => {
    secret.textContent = "";
    try {
      const made = await post<CreatedAccount>(path, { username: username.value.trim() });
      clear(panel);
      secret.textContent = t("appAccountCreated", { username: made.user.username, password: made.initialPassword ?? "—" });
    } catch (error) { secret.textContent = t("error", { reason: error instanceof ApiError ? error.message : String(error) }); }
  };

  const username = el("input", { name: "username", placeholder: t("username"), "aria-label": t("username"), "data-testid": "account-username" });
  clear(box,
    el("button", { type: "button", "data-testid": "edit-profile-open", onclick: editProfile }, t("editProfile")),
    el("button", { type: "button", "data-testid": "add-guardian-open", onclick: addGuardian }, t("addGuardian")),
    username,
    el("button", { type: "button", "data-testid": "wearer-account", onclick: () => void account(`/persons/${person.id}/account`) }, t("createWearerAccount")),
    person.guardians.filter(g => !g.userId).map(g => el("button", { type: "button", "data-testid": "guardian-account",
      onclick: () => void account(`/persons/${person.id}/guardians/${g.id}/account`) }, t("createGuardianAccount", { name: g.fullName }))));
  return el("div", {}, box, secret, panel);
}
