// The reader's kept steps for this document: what the tab keeps (store.js), held in memory while the
// page is open (instant navigation keeps this module, and the engine, across pages). Before Python
// is ready the page adds the reader's answers itself; from then on it keeps what the engine says.

import * as store from "./store.js";

const loaded = store.load();
// What could not be read is gone from the tab too, so the reader is told once, not at every reload.
if (loaded.skipped) store.save(loaded.steps);

export const kept = {
  steps: loaded.steps,
  // Kept steps the page or the engine could not read: the reader is told once.
  unreadable: loaded.skipped,
  told: false,
  // Whether the engine holds exactly these steps (after a replay, and every reply since).
  synced: false,
  // Counts every change of the steps, so a reply to older steps can be told apart.
  version: 0,
};

// An answer given before the engine is ready.
export function keep(root, step) {
  change(root, [...kept.steps, step]);
}

// The steps the engine keeps, from its reply (a reply after an error of its own may not say).
export function adopt(root, steps) {
  if (!Array.isArray(steps)) {
    kept.synced = false; // the next request gives the engine the steps the page has
    return;
  }
  change(root, steps);
  kept.synced = true;
}

// "Start forfra" or "Slet mine svar". With engineToo the same request clears the engine's answers;
// otherwise the engine gets the (empty) steps again before its next request.
export function forget(root, { engineToo }) {
  change(root, []);
  if (!engineToo) kept.synced = false;
  delete root.dataset.role;
}

function change(root, steps) {
  kept.steps = steps;
  kept.version += 1;
  store.save(steps);
  noteRole(root);
}

// The fallback (loading.js) shows the reader's own checklist first: the root carries their role.
export function noteRole(root) {
  const question = root.dataset.roleQuestion;
  const answer = kept.steps.findLast((step) => step.action === "answer" && step.question === question);
  if (answer) root.dataset.role = answer.form[question]?.[0] ?? "";
}
