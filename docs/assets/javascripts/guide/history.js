// Loaded in <head>, before Material's bundle: the browser's Back and Forward buttons move between
// the decision guide's screens. Each screen has a URL fragment (e.g. #trin-role) that names the
// screen, never an answer. Material's instant navigation would reload the page for such a history
// step, so this listener, registered first, takes the event and hands it to the guide instead.
//
// Unless instant navigation is on its way to another page (guide.js notes where it goes): Back
// pressed before that page has replaced the guide is instant navigation's to handle, or the other
// page would arrive under the guide's address.
window.guideHistory ??= { goingTo: null };
window.addEventListener("popstate", (event) => {
  const root = document.querySelector("[data-guide]");
  if (!root || location.pathname !== root.dataset.pathname) return;
  if (!location.hash.startsWith(`#${root.dataset.anchorPrefix}`)) return;
  const goingTo = window.guideHistory.goingTo;
  if (goingTo !== null && goingTo !== root.dataset.pathname) return;
  event.stopImmediatePropagation();
  root.dispatchEvent(new CustomEvent("guide:history", { detail: { anchor: location.hash.slice(1) } }));
});
