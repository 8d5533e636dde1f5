// Form controls with a slot for the API's error about the field of the same name, shared by the forms that send
// what the officer typed: a refusal is shown under the field it names, the rest in the form's message.
import { ApiError } from "../shared/api";
import { el } from "../shared/dom";
import { t, type Key } from "../shared/i18n";

/** A labelled control with a slot for the API's error about the field of the same name. */
export function control(name: string, key: Key, input: HTMLElement): HTMLElement {
  input.setAttribute("name", name);
  input.setAttribute("data-testid", `field-${name}`);
  return el("label", { class: "stack-item" }, t(key), input, el("small", { class: "error", "data-error-for": name }));
}

/** Shows each field error of a failed call next to its control; what no control names goes to the form's message. */
export function showErrors(form: HTMLFormElement, message: HTMLElement, e: unknown): void {
  clearErrors(form);
  message.className = "error";
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

/** Empties the error slots of a form (before an answer is shown). */
export function clearErrors(form: HTMLFormElement): void {
  form.querySelectorAll<HTMLElement>("[data-error-for]").forEach(s => { s.textContent = ""; });
}
