// Exporting a person's complete location history from their page (record transfer): the officer states the reason and
// picks CSV or GeoJSON; the server audits the export before its first byte and streams the file, which the browser
// saves under the name the server gives.
import { postForFile } from "../shared/api";
import { el, field, options } from "../shared/dom";
import { t } from "../shared/i18n";
import { clearErrors, control, showErrors } from "./formFields";

export function locationExport(personId: string): HTMLElement {
  const message = el("p", { class: "error", role: "alert", "data-testid": "export-message" });
  const form = el("form", { "data-testid": "export-form", novalidate: true },
    el("p", { class: "muted" }, t("locationExportHint")),
    control("format", "exportFormat", el("select", {}, options(["csv", "geojson"], f => (f === "csv" ? "CSV" : "GeoJSON")))),
    control("reason", "reason", el("textarea", { rows: 2, maxlength: 500, placeholder: t("exportReasonHint") })),
    el("button", { type: "submit", "data-testid": "export-download" }, t("download")));
  form.addEventListener("submit", async e => {
    e.preventDefault();
    const format = field(form, "format");
    try {
      const { blob, fileName } = await postForFile(`/persons/${personId}/location-history/export`, { reason: field(form, "reason"), format });
      const name = fileName ?? `vigil-location-${personId}.${format}`;
      const url = URL.createObjectURL(blob);
      el("a", { href: url, download: name }).click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000); // the browser reads the file after the click returns
      clearErrors(form);
      message.className = "notice";
      message.textContent = t("downloaded", { file: name });
    } catch (error) { showErrors(form, message, error); }
  });
  return el("div", {}, form, message);
}
