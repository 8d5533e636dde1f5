// Times are stored in UTC and shown in Vietnam time (UTC+7, no daylight saving), whatever the browser's zone.
const offsetMs = 7 * 3600 * 1000;
const pad = (n: number) => String(n).padStart(2, "0");

function shifted(value: string | Date): Date {
  return new Date((typeof value === "string" ? Date.parse(value) : value.getTime()) + offsetMs);
}

/** "23/11/2026 10:00" in Vietnam time. */
export function dateTime(value: string | Date | null | undefined): string {
  if (!value) return "—";
  const d = shifted(value);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function timeOnly(value: string | Date): string {
  const d = shifted(value);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** A calendar date "2026-11-23" shown as "23/11/2026". */
export function date(value: string | null | undefined): string {
  if (!value) return "—";
  const [y, m, d] = value.split("-");
  return `${d}/${m}/${y}`;
}

/** The value of an <input type="datetime-local"> meaning Vietnam time, for an instant. */
export function toLocalInput(value: Date): string {
  const d = shifted(value);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** An <input type="datetime-local"> value read as Vietnam time, as an ISO instant with its offset. */
export function fromLocalInput(value: string): string | undefined {
  return value ? `${value.length === 16 ? value + ":00" : value}+07:00` : undefined;
}

/** "5 h 20 min" until (or since) an instant. */
export function span(ms: number, hours: string, minutes: string): string {
  const total = Math.max(0, Math.round(Math.abs(ms) / 60000));
  const h = Math.floor(total / 60);
  return h > 0 ? `${h} ${hours} ${total % 60} ${minutes}` : `${total} ${minutes}`;
}
