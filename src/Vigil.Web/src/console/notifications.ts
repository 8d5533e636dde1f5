// The officer's own inbox in the frame: a bell with the unread count, which opens the list (newest first) where each
// notice can be marked read. The count is read again whenever the live feed reports an alert (an escalation is what
// puts a notice in a supervisor's inbox) and after each "read".
import { ApiError, get, post, type Page } from "../shared/api";
import { clear, el } from "../shared/dom";
import { pick, t } from "../shared/i18n";
import { dateTime } from "../shared/time";
import type { Notification } from "../shared/types";
import { live } from "./live";

/** The bell of the frame now drawn (the frame is drawn again on every screen change). */
let shown: { count: HTMLElement; panel: HTMLElement } | null = null;
let reads = 0; // only the newest of overlapping reads draws
let following = false;

async function refresh(): Promise<void> {
  const target = shown;
  if (!target) return;
  const run = ++reads;
  const unread = await get<Page<Notification>>("/notifications?unread=true&pageSize=1").catch(() => null);
  if (!unread || run !== reads || target !== shown) return;
  target.count.textContent = unread.total > 0 ? String(unread.total) : "";
  target.count.dataset.count = String(unread.total);
  target.count.hidden = unread.total === 0;
  if (!target.panel.hidden) await fill(target.panel);
}

async function fill(panel: HTMLElement): Promise<void> {
  let page: Page<Notification>;
  try {
    page = await get<Page<Notification>>("/notifications?pageSize=30");
  } catch (e) {
    clear(panel, el("p", { class: "error" }, t("error", { reason: e instanceof ApiError ? e.message : String(e) })));
    return;
  }
  clear(panel, el("h3", {}, t("inbox")),
    page.items.length === 0 ? el("p", { "data-testid": "no-notifications" }, t("noNotifications")) : el("ul", { class: "plain", "data-testid": "notifications" },
      page.items.map(n => el("li", { class: n.readAt ? "read" : "unread", "data-testid": "notification", "data-id": n.id, "data-read": String(!!n.readAt) },
        el("strong", {}, pick(n.titleVi, n.titleEn)), el("div", {}, pick(n.bodyVi, n.bodyEn)),
        el("div", { class: "muted" }, dateTime(n.createdAt), n.personId ? [" · ", el("a", { href: `#/people/${n.personId}` }, t("openPerson"))] : null,
          n.readAt ? ` · ${t("readAt", { time: dateTime(n.readAt) })}` : null),
        !n.readAt ? el("button", { type: "button", "data-testid": "mark-read", onclick: async () => {
          try { await post(`/notifications/${n.id}/read`); } catch { /* already read elsewhere: the list shows it */ }
          await refresh();
          await fill(panel);
        } }, t("markRead")) : null))));
}

/** The bell for the frame; the first one also starts following the live feed. */
export function notificationBell(): HTMLElement {
  const count = el("span", { class: "bell-count", "data-testid": "bell-count", hidden: true });
  const panel = el("div", { class: "bell-panel", "data-testid": "bell-panel", hidden: true });
  const button = el("button", { type: "button", class: "bell", "aria-label": t("inbox"), title: t("inbox"), "data-testid": "bell", onclick: () => {
    panel.hidden = !panel.hidden;
    if (!panel.hidden) { clear(panel, el("p", {}, t("loading"))); void fill(panel); }
  } }, "🔔", count);
  if (!following) {
    following = true;
    live.onAlert(() => void refresh());
  }
  shown = { count, panel };
  void refresh();
  return el("span", { class: "bell-box" }, button, panel);
}
