// Loaded in <head>, before Material's bundle: the browser's Back and Forward buttons move between
// the decision guide's screens. Each screen has a URL fragment (e.g. #trin-role) that names the
// screen, never an answer. Material's instant navigation would reload the page for such a history
// step, so this listener, registered first, takes the event and hands it to the guide instead.
window.addEventListener("popstate", (event) => {
  const root = document.querySelector("[data-guide]");
  if (!root || location.pathname !== root.dataset.pathname) return;
  if (!location.hash.startsWith(`#${root.dataset.anchorPrefix}`)) return;
  event.stopImmediatePropagation();
  root.dispatchEvent(new CustomEvent("guide:history", { detail: { anchor: location.hash.slice(1) } }));
});
