// Talking to the engine. Every request goes to wizard.session through engine.js, and the page keeps
// the steps each reply says to keep. An engine that does not hold the kept steps (it has just become
// ready, a fault came between, the answers were deleted before it was ready) first gets them all in
// one replay, and says what it took, what it refused and which screen to show. The page decides
// nothing: whether a request was carried out, and what comes next, is in the engine's reply.

import { replaceCase, work } from "./case.js";
import { showDrafts } from "./case-form.js";
import { call } from "./engine.js";
import { adopt, kept } from "./kept.js";
import { trouble, troubleOver } from "./loading.js";
import { restorePlace, takePlace } from "./place.js";
import { keptForm, pageScreenByAnchor, refresh, restoring, screenOf, show, view } from "./screens.js";
import { confirmBeside, copy, download } from "./tools.js";

// The screen the address bar names, if it is one of the guide's.
export function guideAnchor(root) {
  const anchor = location.hash.slice(1);
  return anchor.startsWith(root.dataset.anchorPrefix) ? anchor : null;
}

// Every kept step in one request, tried once more after a fault (no reply); throws after a second.
async function replay(root, anchor) {
  return retried({ action: "replay", steps: kept.steps, anchor, root: root.dataset.root });
}

async function retried(message) {
  for (let attempt = 1; ; attempt += 1) {
    const reply = await call(message);
    if (!reply.failure) return reply;
    if (attempt > 1) throw new Error(reply.failure);
  }
}

// Once the engine is ready: it gets every kept step (unless it holds them already: a guide page shown
// again by instant navigation), then the reader sees the engine's screen for where they are (the
// address bar says which), or the refused answer, or, if they were waiting, where the answers lead.
// Answers given or screens changed meanwhile start it again.
export async function settle(root) {
  const state = view(root);
  for (;;) {
    const version = kept.version;
    const address = location.hash;
    const anchor = state.awaiting ? null : guideAnchor(root);
    const reply = kept.synced
      ? await retried({ action: anchor ? "show" : "current", anchor, root: root.dataset.root })
      : await replay(root, anchor);
    if (kept.version !== version || location.hash !== address) continue;
    adopt(root, reply.steps);
    if (reply.replayed) {
      kept.unreadable += reply.replayed.dropped;
      if (reply.replayed.taken) performance.mark("guide:replayed", { detail: reply.replayed.taken });
    }
    if (reply.refused) {
      show(root, reply, { push: guideAnchor(root) !== reply.anchor });
      return;
    }
    const local = pageScreenByAnchor(root, guideAnchor(root));
    if (local?.local) {
      if (screenOf(root).dataset.current !== local.screen) show(root, local, { push: false });
      return;
    }
    if (state.awaiting) {
      // "Se resultatet" pressed on the page's answers to check: the engine has them all now.
      if (state.confirming && reply.screen === root.dataset.checkScreen) await request(root, { action: "confirm" });
      else show(root, reply);
      return;
    }
    const place = takePlace(reply.anchor);
    const screen = screenOf(root);
    if (screen.dataset.current === reply.screen && !screen.hidden) refresh(root, reply);
    else show(root, reply, { push: false, focus: !place });
    if (place) restorePlace(root, place);
    return;
  }
}

// Before a request: an engine that does not hold the kept steps gets them first. False after a fault:
// the steps stay kept, and the reader is told.
async function synced(root) {
  if (kept.synced) return true;
  const state = view(root);
  state.busy = true;
  try {
    adopt(root, (await replay(root, guideAnchor(root))).steps);
    return true;
  } catch (error) {
    trouble(root, String(error));
    return false;
  } finally {
    state.busy = false;
  }
}

async function exchange(root, message) {
  const state = view(root);
  state.busy = true;
  root.dataset.busy = "true";
  try {
    return await call({ ...message, root: root.dataset.root });
  } finally {
    state.busy = false;
    delete root.dataset.busy;
  }
}

// A request once the engine is ready; the reply's screen is shown, its file saved or its text copied. A tool's
// reply (a file, a text, or why not) is said beside the control that was pressed; the screen stays.
export async function request(root, message, { push = true, control = null } = {}) {
  if (!(await synced(root))) return;
  const reply = await exchange(root, message);
  if (reply.failure) {
    kept.synced = false; // the engine may or may not have carried it out
    trouble(root, reply.failure);
    return;
  }
  troubleOver(root);
  adopt(root, reply.steps);
  if (reply.problem) {
    confirmBeside(root, message.action, reply.problem, control);
    return;
  }
  // A saved case the engine opened: its case replaces the tab's before the screen is filled in.
  if (reply.case) replaceCase(reply.case);
  const state = view(root);
  if (state.pendingAnchor) {
    // The reader pressed Back or Forward meanwhile: go where the address bar now says.
    const anchor = state.pendingAnchor;
    state.pendingAnchor = null;
    navigate(root, anchor);
    return;
  }
  if (reply.download) {
    download(reply.download);
    confirmBeside(root, message.action, reply.announce || "", control);
    return;
  }
  if (reply.copy !== undefined) {
    await copy(root, reply.copy, control);
    return;
  }
  show(root, reply, { push });
}

// The drafts written again for the case as it stands, on the result screen; quietly, as the reader types. The
// reply to the latest request wins.
let draftsAsked = 0;
export async function refreshDrafts(root) {
  if (root.dataset.state !== "ready" || !kept.synced || !root.querySelector("[data-case]")) return;
  const asked = ++draftsAsked;
  const reply = await call({ action: "case", case: work, root: root.dataset.root });
  if (asked === draftsAsked && !reply.failure && reply.drafts) showDrafts(root, reply);
}

// Once the engine is ready (at once if it is): true, or false if the guide gave up and shows its fallback.
export function whenReady(root) {
  return new Promise((resolve) => {
    const settled = () => ["ready", "failed"].includes(root.dataset.state);
    if (settled()) {
      resolve(root.dataset.state === "ready");
      return;
    }
    const watcher = new MutationObserver(() => {
      if (!settled()) return;
      watcher.disconnect();
      resolve(root.dataset.state === "ready");
    });
    watcher.observe(root, { attributes: true, attributeFilter: ["data-state"] });
  });
}

// A request whose screen the page has shown already (112 first): the engine keeps the answer meanwhile.
export async function send(root, message) {
  if (!(await synced(root))) return;
  const reply = await call({ ...message, root: root.dataset.root });
  if (reply.failure) kept.synced = false;
  else adopt(root, reply.steps);
}

// Back and Forward between screens, passed on by history.js.
export function navigate(root, anchor) {
  const state = view(root);
  if (root.dataset.state === "failed") return;
  const local = pageScreenByAnchor(root, anchor);
  if (local?.local) {
    show(root, local, { push: false });
  } else if (root.dataset.state === "ready") {
    if (state.busy) state.pendingAnchor = anchor;
    else request(root, { action: "show", anchor }, { push: false });
  } else if (local) {
    show(root, local, { push: false, values: keptForm(root, local.screen) });
  } else {
    restoring(root);
  }
}
