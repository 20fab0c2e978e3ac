// The decision guide's engine: Pyodide in a module Web Worker, created once per page load and kept
// across Material's instant navigation. The guide page loads this script in <head>, with the
// runtime's addresses as data attributes, so Python starts loading before the rest of the page;
// every page also loads it (extra_javascript), so a guide reached by instant navigation can start
// it from the guide's root element, which carries the same attributes.
window.guideEngine ??= (() => {
  const engine = { worker: null, ready: null, replies: new Map(), nextId: 1 };

  // `config` is the dataset of the <head> script or of the guide's root element.
  function start(config) {
    if (engine.ready) return engine.ready;
    const base = new URL(config.root, location.href);
    const url = (path) => new URL(path, base).href;
    engine.ready = new Promise((resolve, reject) => {
      if (location.protocol === "file:" || typeof WebAssembly !== "object" || typeof Worker !== "function") {
        reject({ reason: "unsupported" });
        return;
      }
      // loadPyodide can hang silently (e.g. .wasm served with the wrong MIME type): give up in time.
      const timer = setTimeout(() => reject({ reason: "timeout" }), Number(config.timeout));
      try {
        engine.worker = new Worker(url(config.worker), { type: "module" });
      } catch (error) {
        clearTimeout(timer);
        reject({ reason: "unsupported", detail: String(error) });
        return;
      }
      engine.worker.addEventListener("error", (event) => {
        clearTimeout(timer);
        reject({ reason: "start", detail: event.message });
      });
      engine.worker.addEventListener("message", ({ data }) => {
        if (data.type === "ready") {
          clearTimeout(timer);
          resolve();
        } else if (data.type === "failed") {
          clearTimeout(timer);
          reject(data);
        } else if (data.type === "reply") {
          engine.replies.get(data.id)?.(data.response);
          engine.replies.delete(data.id);
        }
      });
      engine.worker.postMessage({
        type: "start",
        pyodideURL: url(config.pyodide),
        lockFileURL: url(config.lockfile),
        stdLibURL: url(config.stdlib),
        env: JSON.parse(config.env),
      });
    });
    return engine.ready;
  }

  function call(request) {
    return engine.ready.then(
      () =>
        new Promise((resolve) => {
          const id = engine.nextId++;
          engine.replies.set(id, resolve);
          engine.worker.postMessage({ type: "call", id, request });
        }),
    );
  }

  return { start, call };
})();

{
  const config = document.currentScript?.dataset;
  // Failures are shown by guide.js once the page is there; nothing to report this early.
  if (config?.pyodide) window.guideEngine.start(config).catch(() => {});
}
