// Vietnamese first (with full diacritics), English second. The choice is kept in the browser.
import { vi } from "./i18n.vi";
import { en } from "./i18n.en";

export type Lang = "vi" | "en";
export type Key = Exclude<keyof typeof vi, "enums">;
const langKey = "vigil.lang";

export let lang: Lang = localStorage.getItem(langKey) === "en" ? "en" : "vi";

export function setLang(value: Lang): void {
  lang = value;
  localStorage.setItem(langKey, value);
  document.documentElement.lang = value === "vi" ? "vi" : "en";
  window.dispatchEvent(new Event("vigil:lang"));
}

/** The text of a key, with {name} placeholders filled. */
export function t(key: Key, vars: Record<string, string | number> = {}): string {
  const text: string = (lang === "en" ? en[key] : vi[key]) ?? vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ""));
}

/** The label of an enum value, e.g. label("rule", "tamper"). */
export function label(group: keyof typeof vi.enums, value: string | null | undefined): string {
  if (!value) return "—";
  const table = (lang === "en" ? en.enums : vi.enums)[group] as Record<string, string>;
  return table[value] ?? value;
}

/** Pick the Vietnamese or English of a pair the server sends (notifications). */
export const pick = (viText: string, enText: string) => (lang === "en" ? enText : viText);

/** A button that switches the language. */
export function languageToggle(): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "lang";
  button.dataset.testid = "lang";
  button.textContent = lang === "vi" ? "English" : "Tiếng Việt";
  button.addEventListener("click", () => setLang(lang === "vi" ? "en" : "vi"));
  return button;
}

document.documentElement.lang = lang;
