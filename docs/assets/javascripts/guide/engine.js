// The decision guide's engine: Pyodide in a module Web Worker, created once per page load and kept
// across Material's instant navigation. The guide page includes this script right after the guide's
// root element, so Python starts loading while the rest of the page is still arriving; every page
// also loads it (extra_javascript), so a guide reached by instant navigation can start it too.
window.guideEngine ??= (() => {
  const engine = { worker: null, ready: null, replies: new Map(), nextId: 1 };

  function start(root) {
    if (engine.ready) return engine.ready;
    const base = new URL(root.dataset.root, location.href);
    const url = (path) => new URL(path, base).href;
    engine.ready = new Promise((resolve, reject) => {
      if (location.protocol === "file:" || typeof WebAssembly !== "object" || typeof Worker !== "function") {
        reject({ reason: "unsupported" });
        return;
      }
      // loadPyodide can hang silently (e.g. .wasm served with the wrong MIME type): give up in time.
      const timer = setTimeout(() => reject({ reason: "timeout" }), Number(root.dataset.timeout));
      try {
        engine.worker = new Worker(url(root.dataset.worker), { type: "module" });
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
          if (data.restored) performance.mark("guide:restored");
          resolve();
        } else if (data.type === "snapshot-kept") {
          performance.mark("guide:snapshot-kept");
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
        pyodideURL: url(root.dataset.pyodide),
        lockFileURL: url(root.dataset.lockfile),
        stdLibURL: url(root.dataset.stdlib),
        env: JSON.parse(root.dataset.env),
      });
    });
    engine.ready.then(() => whenIdle(() => keepCompiledWasm(`${url(root.dataset.pyodide)}pyodide.asm.wasm`)), () => {});
    return engine.ready;
  }

  // Chromium stores the optimised machine code of a WebAssembly module in its code cache only
  // when a page compiles the module, not a worker (measured). So once the engine is ready and the
  // page is idle, the page compiles Pyodide's .wasm too; on the next visit the worker's own
  // compilation is served from that cache, with the code this visit has optimised.
  async function keepCompiledWasm(wasmURL) {
    try {
      await WebAssembly.compileStreaming(fetch(wasmURL));
      performance.mark("guide:wasm-cached");
    } catch {
      // Only the next visit is slower; the worker has reported any real problem already.
    }
  }

  function whenIdle(callback) {
    if (typeof requestIdleCallback === "function") requestIdleCallback(callback, { timeout: 2000 });
    else setTimeout(callback, 200);
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
  const root = document.currentScript?.previousElementSibling;
  if (root?.matches("[data-guide]")) window.guideEngine.start(root).catch(() => {});
}
