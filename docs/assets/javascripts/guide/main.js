// The decision guide's one entry point, loaded once per page load as a module right after the guide's
// root (tools/site/guide_page.py): it starts Python at once, then shows the guide. Material's instant
// navigation keeps this document, and so the engine and the answers, while the reader looks up the
// guideline; the guide is shown again on each page of it that has one.
//
// history.js is not part of this: it must take Back and Forward before Material's bundle does, so it
// is a plain script in <head>. It hands them to the guide as a "guide:history" event on the root.

import { start } from "./engine.js";
import { mount } from "./guide.js";
import { keepPlaceOnLeaving } from "./place.js";
import { countdown } from "./countdown.js";
import { closeAfterPrint, openForPrint } from "./tools.js";

const guideRoot = () => document.querySelector("[data-guide]");

function onPage() {
  const root = guideRoot();
  if (!root) return;
  start(root);
  mount(root);
}

onPage();

// Material's bundle runs after this module may have: its document$ (every page instant navigation
// shows, and the one shown now) and location$ exist once the document is parsed.
function withMaterial() {
  window.document$?.subscribe(onPage);
  // Where instant navigation is going: history.js leaves a Back pressed on the way to another page to it.
  window.location$?.subscribe((url) => {
    const root = guideRoot();
    if (root) root.dataset.goingTo = url.pathname;
  });
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", withMaterial, { once: true });
else withMaterial();

// A reload, or the tab discarded: come back to the same place.
window.addEventListener("pagehide", () => {
  const root = guideRoot();
  if (root) keepPlaceOnLeaving(root);
});

// Printing shows every task's whole step and the assessment.
window.addEventListener("beforeprint", () => {
  const root = guideRoot();
  if (root) openForPrint(root);
});
window.addEventListener("afterprint", () => {
  const root = guideRoot();
  if (root) closeAfterPrint(root);
});

// A phone that wakes the tab shows the time left at once.
document.addEventListener("visibilitychange", () => {
  const root = guideRoot();
  if (root && document.visibilityState === "visible") countdown(root);
});
