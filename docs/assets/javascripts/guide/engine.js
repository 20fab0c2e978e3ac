// The decision guide's engine: Pyodide in a module Web Worker, created once per page load and kept
// across Material's instant navigation (this module lives as long as the document does). main.js
// starts it as soon as it finds the guide's root, before it draws anything.
//
//   start(root)     starts the engine once per page load; returns a promise that resolves when the
//                   engine is ready, however late that is. It never rejects.
//   watch(listener) calls listener(status) now and at every change; returns a function that stops it.
//                   status: {state: "loading", received, total}  bytes of the runtime's files so far
//                         | {state: "stalled", reason, detail}  no byte arrived for data-stall-timeout
//                           ms: the page shows its fallback, but the engine goes on, and may still
//                           become ready (start's promise then resolves)
//                         | {state: "failed", reason, detail}  a known failure; final
//                         | {state: "ready"}
//                   reason is a key of tools/site/guide_page.py FAILURES; detail is for the console only.
//   call(request)   a request to wizard.session once ready; resolves with its reply, which is
//                   {failure} if the engine could not handle it.
//   keepCompiledCode() the reader has a moment (a result is shown): once the engine is ready and the page
//                   idle, the page compiles Pyodide's .wasm for the browser's code cache (once; see below).
//   forgetSnapshot() "Slet mine svar": the worker deletes the interpreter's snapshot kept in this browser,
//                   and keeps none from this page.

const engine = {
  worker: null,
  ready: null,
  retried: false, // a start once more after a damaged copy in the browser's cache was replaced
  replies: new Map(),
  nextId: 1,
  status: { state: "loading", received: 0, total: 0 },
  watchers: new Set(),
  wasmURL: null, // Pyodide's .wasm, which the page compiles once for the code cache
  codeKept: false,
};

// See keepCompiledCode.
const KEEP_CODE_AFTER_MS = 60_000;

function report(status) {
  engine.status = status;
  for (const listener of [...engine.watchers]) listener(status);
}

export function watch(listener) {
  engine.watchers.add(listener);
  listener(engine.status);
  return () => engine.watchers.delete(listener);
}

export function start(root) {
  if (engine.ready) return engine.ready;
  const base = new URL(root.dataset.root, location.href);
  const url = (path) => new URL(path, base).href;
  const files = Object.fromEntries(
    Object.entries(JSON.parse(root.dataset.files)).map(([path, file]) => [url(path), file]),
  );
  let stallTimer = null;
  const settled = () => engine.status.state === "ready" || engine.status.state === "failed";
  const fail = (reason, detail) => {
    if (settled()) return;
    clearTimeout(stallTimer);
    report({ state: "failed", reason, detail });
  };
  // Only silence ends the wait: a slow link that keeps delivering bytes is waited for.
  const expectBytes = () => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => {
      if (settled()) return;
      const { received = 0, total = 0 } = engine.status;
      const detail = `no byte arrived for ${root.dataset.stallTimeout} ms (${received} of ${total} bytes so far)`;
      report({ state: "stalled", reason: "stalled", detail, received, total });
    }, Number(root.dataset.stallTimeout));
  };
  engine.ready = new Promise((resolve) => {
    if (location.protocol === "file:" || typeof WebAssembly !== "object" || typeof Worker !== "function") {
      fail("unsupported", `protocol ${location.protocol}, WebAssembly ${typeof WebAssembly}, Worker ${typeof Worker}`);
      return;
    }
    // A browser without module workers ignores {type: "module"} and never reads it.
    let moduleWorkers = false;
    const options = {
      get type() {
        moduleWorkers = true;
        return "module";
      },
    };
    try {
      engine.worker = new Worker(url(root.dataset.worker), options);
    } catch (error) {
      fail("unsupported", String(error));
      return;
    }
    if (!moduleWorkers) {
      engine.worker.terminate();
      fail("unsupported", "this browser has no module workers");
      return;
    }
    launch(engine.worker);

    // The worker starts the engine. A file that failed its check only because the browser's cache held a
    // damaged copy (the worker has put the server's right one in its place) gets one more start, in a new
    // worker, so the first visit after a fault on the server was mended works.
    function launch(worker) {
      expectBytes();
      worker.addEventListener("error", (event) => {
        if (worker !== engine.worker) return;
        if (!settled()) {
          fail("start", event.message || "the worker failed to load or stopped");
          return;
        }
        // After the start: no reply will come for the requests in flight.
        for (const reply of engine.replies.values()) reply({ failure: event.message || "the worker stopped" });
        engine.replies.clear();
      });
      worker.addEventListener("message", ({ data }) => {
        if (worker !== engine.worker) return;
        if (data.type === "progress") {
          if (engine.status.state !== "loading") return;
          report({ state: "loading", received: data.received, total: data.total });
          expectBytes();
        } else if (data.type === "ready") {
          if (settled()) return;
          clearTimeout(stallTimer);
          if (data.restored) performance.mark("guide:restored");
          report({ state: "ready" });
          resolve();
        } else if (data.type === "snapshot-kept") {
          performance.mark("guide:snapshot-kept");
        } else if (data.type === "failed" && data.retry && !engine.retried && !settled()) {
          engine.retried = true;
          console.warn(`Beslutningsguiden (${data.reason}): ${data.detail}; starting once more`);
          worker.terminate();
          engine.worker = new Worker(url(root.dataset.worker), { type: "module" });
          launch(engine.worker);
        } else if (data.type === "failed") {
          fail(data.reason, data.detail);
        } else if (data.type === "reply") {
          engine.replies.get(data.id)?.(data.response);
          engine.replies.delete(data.id);
        }
      });
      worker.postMessage({
        type: "start",
        pyodideURL: url(root.dataset.pyodide),
        lockFileURL: url(root.dataset.lockfile),
        stdLibURL: url(root.dataset.stdlib),
        env: JSON.parse(root.dataset.env),
        files,
      });
    }
  });
  engine.wasmURL = `${url(root.dataset.pyodide)}pyodide.asm.wasm`;
  engine.ready.then(() => {
    setTimeout(keepCompiledCode, KEEP_CODE_AFTER_MS);
    addEventListener("visibilitychange", () => document.hidden && keepCompiledCode());
  });
  return engine.ready;
}

// Chromium stores the optimised machine code of a WebAssembly module in its code cache only
// when a page compiles the module, not a worker (measured). So the page compiles Pyodide's .wasm
// too, once, and the next visit's worker compilation is served from that cache. Not as soon as the
// engine is ready: on a slow phone the compilation made the answer given at that moment wait
// 0.15–0.6 s (STARTUP.md). So once a result is shown (guide.js), the page is
// hidden, or a reader who stays on the questions has had the engine for KEEP_CODE_AFTER_MS; and
// only when the page is idle.
export function keepCompiledCode() {
  if (!engine.wasmURL || engine.codeKept) return;
  engine.codeKept = true;
  engine.ready.then(() => whenIdle(() => compileForCache(engine.wasmURL)));
}

async function compileForCache(wasmURL) {
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

export function call(request) {
  return engine.ready.then(
    () =>
      new Promise((resolve) => {
        const id = engine.nextId++;
        engine.replies.set(id, resolve);
        engine.worker.postMessage({ type: "call", id, request });
      }),
  );
}

export function forgetSnapshot() {
  engine.worker?.postMessage({ type: "forget" });
}
