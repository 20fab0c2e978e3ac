// The decision guide's files, fetched ahead on the front page and the guideline's pages
// (tools/site/prefetch.py), so that a reader who opens the guide from here finds them in the
// browser's cache and can answer the result's questions without waiting for Python.
//
// Only after this page has loaded and the browser is idle, at the lowest priority, so the page
// itself is never slowed; and not at all where the reader asked the browser to save data. A
// prefetch only fills the cache: nothing runs, and the guide checks every file when it uses it.

const script = document.querySelector("script[data-guide-prefetch]");
const siteRoot = new URL("../../", import.meta.url);

function prefetch() {
  if (navigator.connection?.saveData) return;
  for (const path of JSON.parse(script.dataset.guidePrefetch)) {
    const link = document.createElement("link");
    link.rel = "prefetch";
    link.href = new URL(path, siteRoot).href;
    link.fetchPriority = "low";
    document.head.append(link);
  }
  performance.mark("guide:prefetch");
}

function whenIdle() {
  if (typeof requestIdleCallback === "function") requestIdleCallback(prefetch, { timeout: 5000 });
  else setTimeout(prefetch, 1000);
}

if (script && !navigator.connection?.saveData) {
  if (document.readyState === "complete") whenIdle();
  else addEventListener("load", whenIdle, { once: true });
}
