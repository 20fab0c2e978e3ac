// Loaded in <head>, before Material's bundle: the browser's Back and Forward buttons move between
// the decision guide's screens. Each screen has a URL fragment (e.g. #trin-role) that names the
// screen, never an answer. Material's instant navigation would reload the page for such a history
// step, so this listener, registered first, takes the event and hands it to the guide (main.js)
// instead. A plain script, not a module: a module runs only after the page, and so after the bundle.
//
// Unless instant navigation is on its way to another page (main.js notes where it goes on the root):
// Back pressed before that page has replaced the guide is instant navigation's to handle, or the other
// page would arrive under the guide's address.
window.addEventListener("popstate", (event) => {
  const root = document.querySelector("[data-guide]");
  if (!root || location.pathname !== root.dataset.pathname) return;
  if (!location.hash.startsWith(`#${root.dataset.anchorPrefix}`)) return;
  const goingTo = root.dataset.goingTo;
  if (goingTo !== undefined && goingTo !== root.dataset.pathname) return;
  event.stopImmediatePropagation();
  root.dispatchEvent(new CustomEvent("guide:history", { detail: { anchor: location.hash.slice(1) } }));
});
