// Where the reader was: before they follow a link (e.g. "Læs i retningslinjen") or the page unloads,
// the screen, how far down, which link, and which parts of it were open (a task, a draft), so coming back
// returns to the same place.

const PLACE_KEY = "beslutningsguide:sted";

export function keepPlace(root, link = null) {
  const anchor = location.hash.slice(1);
  if (!anchor.startsWith(root.dataset.anchorPrefix)) return;
  const links = [...root.querySelectorAll("[data-guide-screen] a[href]")];
  const folds = [...root.querySelectorAll("[data-guide-screen] details")];
  const open = folds.flatMap((fold, index) => (fold.open ? [index] : []));
  try {
    sessionStorage.setItem(PLACE_KEY, JSON.stringify({ anchor, y: window.scrollY, link: links.indexOf(link), open }));
  } catch {
    // Only the scroll position is lost.
  }
}

// A reload, or the tab discarded: a followed link has noted its own place already.
export function keepPlaceOnLeaving(root) {
  try {
    if (!sessionStorage.getItem(PLACE_KEY)) keepPlace(root);
  } catch {
    // Only the scroll position is lost.
  }
}

export function takePlace(anchor) {
  try {
    const place = JSON.parse(sessionStorage.getItem(PLACE_KEY) || "null");
    sessionStorage.removeItem(PLACE_KEY);
    return place?.anchor === anchor ? place : null;
  } catch {
    return null;
  }
}

export function restorePlace(root, place) {
  const screen = root.querySelector("[data-guide-screen]");
  const folds = screen.querySelectorAll("details");
  for (const index of Array.isArray(place.open) ? place.open : []) {
    if (folds[index]) folds[index].open = true;
  }
  const link = screen.querySelectorAll("a[href]")[place.link];
  (link || screen.querySelector("[data-guide-focus]") || screen.querySelector("h1"))?.focus({ preventScroll: true });
  window.scrollTo(0, Number(place.y) || 0);
}
