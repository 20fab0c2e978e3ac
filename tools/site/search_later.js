// The site search's index waits on the guide's page: Material's bundle requests it (and its search worker then
// loads lunr) as the page loads, and on a slow link those 48 kB share the link with the guide's engine. The
// request is held until the guide is ready or has failed, the reader turns to the search, or HOLD_MS have
// passed, whichever comes first; every other request goes out untouched.
//
// A classic script inlined in the guide's page (tools/site/guide_page.py), not a module: it must be in place
// before Material's bundle runs, which a module (deferred) never is. Material requests the index with
// XMLHttpRequest, so its send waits. It is written for the page's window, and
// tests/page_scripts/search_later.test.mjs runs it with a window of its own.
((window) => {
  const HOLD_MS = 30000;
  const INDEX = /\/search\/search_index\.json$/;
  const SEARCH_EVENTS = ["focusin", "change", "pointerdown", "keydown"];
  const { document } = window;
  const request = window.XMLHttpRequest.prototype;
  // Material's instant navigation runs the page's inline scripts again when the reader comes back to it.
  if (request.searchIndexHeld) return;
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  const guide = document.querySelector("[data-guide]");
  const watcher = new window.MutationObserver(() => {
    if (guide.dataset.state !== "loading") release();
  });
  if (guide) watcher.observe(guide, { attributes: true, attributeFilter: ["data-state"] });
  else release();
  const turnedToSearch = (event) => {
    if (event.target?.closest?.("[data-md-component=search], #__search, label[for=__search]")) release();
  };
  for (const type of SEARCH_EVENTS) document.addEventListener(type, turnedToSearch, true);
  window.setTimeout(release, HOLD_MS);
  released.then(() => {
    watcher.disconnect();
    for (const type of SEARCH_EVENTS) document.removeEventListener(type, turnedToSearch, true);
  });

  const { open, send } = request;
  request.open = function heldOpen(method, url, ...rest) {
    this.searchIndex = INDEX.test(new window.URL(String(url), window.location.href).pathname);
    return open.call(this, method, url, ...rest);
  };
  request.send = function heldSend(...body) {
    if (!this.searchIndex) return send.apply(this, body);
    released.then(() => send.apply(this, body));
  };
  request.searchIndexHeld = true;
})(window);
