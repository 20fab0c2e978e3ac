// Loading and the fallback: how far Python has come, and what the reader gets when it cannot start
// (or has not, for a long time): 112 and the guideline's checklists, their own role first. Not
// final: if the engine becomes ready after all (a stalled slow link that went on), recover() brings
// the guide back. And the one request the engine could not handle: said, with screen and answers kept.

import { screenOf } from "./screens.js";
import { announce } from "./status.js";

export function loading(root, { received, total }) {
  if (!total) return;
  // In tens of percent, so that a screen reader is not flooded.
  const step = Math.min(100, Math.floor((10 * received) / total) * 10);
  if (root.dataset.progress === String(step)) return;
  root.dataset.progress = String(step);
  announce(root, step === 100 ? root.dataset.startingText : root.dataset.progressText.replace("{percent}", step));
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
  root.querySelector("[data-guide-fallback]").hidden = false;
  screenOf(root).hidden = true;
  // For screen readers; sighted readers see the message under 112.
  announce(root, (message.querySelector("strong") ?? message).textContent.trim(), { quiet: true });
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
  console.error(`Beslutningsguiden (engine): ${detail}`);
}

export function troubleOver(root) {
  if (!root.dataset.trouble) return;
  delete root.dataset.trouble;
  announce(root, "", { quiet: true });
}
