// The cue for a critical alert (tamper, self-removal, possible overdose): a banner and a tone, generated here
// with Web Audio so that no sound file is fetched.
import { el } from "../shared/dom";

let audio: AudioContext | null = null;

export function tone(): void {
  try {
    audio ??= new AudioContext();
    const now = audio.currentTime;
    for (const [i, freq] of [880, 660, 880].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.2, now + i * 0.25);
      gain.gain.exponentialRampToValueAtTime(0.001, now + i * 0.25 + 0.22);
      osc.connect(gain).connect(audio.destination);
      osc.start(now + i * 0.25);
      osc.stop(now + i * 0.25 + 0.23);
    }
  } catch {
    // No audio device (a headless browser): the banner remains.
  }
}

export function banner(text: string, onOpen: () => void): void {
  const area = document.getElementById("banners")!;
  const item = el("div", { class: "banner critical", role: "alert", "data-testid": "critical-banner" },
    el("span", {}, text),
    el("button", { type: "button", onclick: () => { item.remove(); onOpen(); } }, "→"),
    el("button", { type: "button", "aria-label": "close", onclick: () => item.remove() }, "×"));
  area.prepend(item);
  tone();
}
