// The decision guide on a page: what it shows before Python is ready, and the moment it is.
//
// Every question and the danger screen are in the page, as inert <template>s the build rendered
// with the engine's own code, and the flow table (flow.js) says which questions the answers ask: a
// reader answers them before Python is ready, the page moves between them and keeps the answers,
// and the engine gets them all at once when it is ready (conversation.js). From then on every screen
// is the engine's. Nothing here decides anything about harassment.

import { refreshDrafts, settle } from "./conversation.js";
import { countdown } from "./countdown.js";
import { limitDates } from "./dates.js";
import { keepCompiledCode, start, watch } from "./engine.js";
import { listen } from "./input.js";
import { kept, noteRole } from "./kept.js";
import { fail, loaded, loading, recover, trouble } from "./loading.js";
import { placeOf } from "./path.js";
import {
  flowTable, fromTemplate, keptForm, pageScreen, pageScreenByAnchor, restoring, screenOf, show, tellOnce,
} from "./screens.js";
import { announce } from "./status.js";

const mounted = new WeakSet();

export function mount(root) {
  if (mounted.has(root)) return;
  mounted.add(root);
  root.dataset.pathname = location.pathname;
  noteRole(root);
  arrive(root);
  tellOnce(root);
  watchScreens(root);
  listen(root);
  const stopWatching = watch((status) => {
    if (root.dataset.state === "loading" && status.state === "loading") loading(root, status);
    else if (status.state === "stalled" || status.state === "failed") fail(root, status);
  });
  // start() resolves once the engine is ready, however late: a stalled start that goes on after
  // all brings the guide back from the fallback, with the answers given meanwhile.
  start(root).then(async () => {
    stopWatching();
    if (root.dataset.state === "failed") {
      recover(root);
      root.dataset.state = "loading";
    }
    performance.mark("guide:ready");
    try {
      await settle(root);
      tellOnce(root);
    } catch (error) {
      trouble(root, String(error));
    }
    root.dataset.state = "ready";
    loaded(root);
    refreshDrafts(root);
    if (!root.dataset.trouble) announce(root, root.dataset.readyText);
  });
  // The guide listens: the page's own fallback for a script that never ran gives way (guide_fallback.css).
  root.dataset.mounted = "true";
}

// What the page can show before the engine is ready: the screen in the address bar if the page
// has it (a reload, a tab brought back), else the next question, with the kept answers.
function arrive(root) {
  const anchor = location.hash.slice(1);
  const guideAnchor = anchor.startsWith(root.dataset.anchorPrefix);
  if (!kept.steps.length) {
    // The first screen gets an address of its own, so Back returns to it.
    if (!anchor || guideAnchor) {
      const first = fromTemplate(root.querySelector("template[data-guide-static]:not([data-error])"));
      history.replaceState(history.state, "", `#${first.anchor}`);
    }
    return;
  }
  // Without a screen in the address (e.g. the guide opened from the menu), the next question.
  const next = placeOf(flowTable(root), kept.steps)?.next;
  const local = guideAnchor ? pageScreenByAnchor(root, anchor) : !anchor && next && pageScreen(root, next);
  if (local) show(root, local, { push: false, focus: false, values: keptForm(root, local.screen) });
  else restoring(root);
}

let countdownTimer = null; // one, for the guide on the current page (instant navigation swaps the page)

// Each new screen: its date limits and, on the result, the countdown at once and then every 20 s, the
// drafts as the engine writes them for the case, and the .wasm compiled for the next visit.
function watchScreens(root) {
  const screen = screenOf(root);
  const update = () => {
    limitDates(screen);
    countdown(root);
    refreshDrafts(root);
    // The reader now reads for a while: the page's compilation for the next visit disturbs nothing.
    if (screen.querySelector("[data-result]")) keepCompiledCode();
  };
  update();
  new MutationObserver(update).observe(screen, { childList: true });
  clearInterval(countdownTimer);
  countdownTimer = setInterval(() => countdown(root), 20_000);
}
