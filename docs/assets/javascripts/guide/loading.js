// Loading and the fallback: how far Python has come, and what the reader gets when it cannot start
// (or has not, for a long time): 112 and the guideline's checklists, their own role first. Not
// final: if the engine becomes ready after all (a stalled slow link that went on), recover() brings
// the guide back. And the one request the engine could not handle: said, with screen and answers kept.

import { screenOf, view } from "./screens.js";
import { announce, note } from "./status.js";

// How far Python has come. While the reader can answer, the page only says that they can go on
// answering (a percentage would say "wait"); once they wait for it (an answer only the engine can
// take), how far it has come, in tens of percent so that a screen reader is not flooded, beside the
// button they pressed. "0 %" is never shown.
const latest = new WeakMap();

export function loading(root, status = latest.get(root) ?? {}) {
  latest.set(root, status);
  const { received = 0, total = 0 } = status;
  const step = total ? Math.min(100, Math.floor((10 * received) / total) * 10) : 0;
  if (total) root.dataset.progress = String(step);
  // The reader waits for the engine: an answer only it can take, or a saved case being opened.
  const waiting = view(root).awaiting || view(root).opening;
  const text = !waiting
    ? root.dataset.loadingMeanwhile
    : step === 100
      ? root.dataset.keptStarting
      : step > 0
        ? root.dataset.keptProgress.replace("{percent}", step)
        : root.dataset.keptWhileLoading;
  if (root.dataset.noted === text) return;
  root.dataset.noted = text;
  note(root, text);
  if (waiting) announce(root, text);
}

// The reader waits for the engine (an answer only it can take): said beside the button, with how far it is.
export function awaitEngine(root) {
  view(root).awaiting = true;
  root.dataset.awaiting = "true"; // for tests and the benchmark: the reader waits for the engine
  loading(root);
}

// The engine is ready: nothing more to say about loading.
export function loaded(root) {
  delete root.dataset.noted;
  if (!root.dataset.trouble) note(root, "");
}

const retrying = new WeakSet();

export function fail(root, problem) {
  offerRetry(root);
  root.dataset.state = "failed";
  root.dataset.failure = problem.reason || "start";
  const message = root.querySelector(`[data-guide-failure="${root.dataset.failure}"]`)
    || root.querySelector('[data-guide-failure="start"]');
  root.querySelectorAll("[data-guide-failure]").forEach((node) => { node.hidden = node !== message; });
  const chosen = root.dataset.role && root.querySelector(`[data-guide-checklist="${CSS.escape(root.dataset.role)}"]`);
  if (chosen) chosen.parentElement.prepend(chosen);
  const fallback = root.querySelector("[data-guide-fallback]");
  const hadFocus = screenOf(root).contains(document.activeElement);
  fallback.hidden = false;
  screenOf(root).hidden = true;
  // The screen the reader was on is gone: the focus goes to what stands in for it, 112 first.
  if (hadFocus) fallback.focus();
  // For screen readers; sighted readers see the message under 112.
  announce(root, (message.querySelector("strong") ?? message).textContent.trim());
  // The cause is for operators (OPERATIONS.md explains each), never for the reader.
  if (problem.detail) console.error(`Beslutningsguiden (${root.dataset.failure}): ${problem.detail}`);
}

// "Prøv igen" is a link to the page itself, for when this script never ran. Here the page is loaded again in
// place: the same screen and history entry, with the answers the tab keeps.
function offerRetry(root) {
  if (retrying.has(root)) return;
  retrying.add(root);
  root.addEventListener("click", (event) => {
    if (!event.target.closest("[data-guide-retry]")) return;
    event.preventDefault();
    event.stopPropagation();
    location.reload();
  }, true);
}

export function recover(root) {
  delete root.dataset.failure;
  root.querySelector("[data-guide-fallback]").hidden = true;
  screenOf(root).hidden = false;
}

// The engine could not handle one request: say so, and keep the screen and the answers.
export function trouble(root, detail) {
  root.dataset.trouble = "true";
  announce(root, root.dataset.engineTrouble);
  note(root, root.dataset.engineTrouble);
  console.error(`Beslutningsguiden (engine): ${detail}`);
}

export function troubleOver(root) {
  if (!root.dataset.trouble) return;
  delete root.dataset.trouble;
  announce(root, "");
  note(root, "");
}
