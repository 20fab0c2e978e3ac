// The decision guide's engine runs here, off the main thread: Pyodide with the `wizard` wheel.
// Messages in:  {type: "start", pyodideURL, lockFileURL, stdLibURL, env, files}  then  {type: "call", id, request}
//               and {type: "forget"}: "Slet mine svar" deletes the snapshot, and none is stored after it.
// Messages out: {type: "progress", received, total} while the runtime's files arrive,
//               {type: "ready", restored} | {type: "failed", reason, detail, retry} | {type: "reply", id, response}
//               and, after a start without a snapshot, {type: "snapshot-kept"} once one is stored.
//               retry: the file that failed its check was a damaged copy in the browser's cache, and the
//               server's copy, now in the cache instead, is right: a new start will work.
// The worker only relays: every decision is made by wizard.session in Python.
//
// Every file of the runtime passes through the checked fetch before it runs: Pyodide's two JavaScript
// modules (fetched and checked before they are imported), its .wasm, the lockfile, the standard library
// and the wheels. Their bytes are counted (the page shows the progress, and gives up only when none
// arrive for a long time) and their SHA-256 is checked against `files` (computed at build time,
// tools/runtime/bundle.py). A copy that fails its check is fetched once more past the browser's cache,
// so a damaged copy never outlives the fault in a cache that keeps these files for a year. A failure the
// worker recognises is reported at once with its reason (tools/site/guide_page.py FAILURES holds the
// staff's message for each; OPERATIONS.md explains them), and a start that has reported one never
// reports "ready".
//
// A revisit starts from a memory snapshot of the interpreter (snapshot.mjs), taken on the first visit with the
// engine imported and before any question is answered. Snapshots are private Pyodide API: they are used only
// with the version they were checked against (a test keeps SNAPSHOT_PYODIDE_VERSION in step with package.json),
// and anything that goes wrong with one falls back to a normal start.

// Imported as the worker starts, beside its first fetches rather than before them: a static import would put one
// more round trip before the runtime's download begins.
const digests = import("./digest.mjs");
const snapshotStore = import("./snapshot.mjs");
const sha256Hex = async (bytes) => (await digests).sha256Hex(bytes);

const SNAPSHOT_PYODIDE_VERSION = "314.0.7";
const PROGRESS_INTERVAL_MS = 100;

let engine = null;
let failure = null; // the first known failure of this start
let revisit = false; // a snapshot was kept on an earlier visit

class StartFailure extends Error {
  constructor(reason, detail) {
    super(detail);
    this.reason = reason;
  }
}

// Report a known failure to the page (the first one only) and return it, to be thrown.
function failStart(reason, detail, { retry = false } = {}) {
  if (!failure) {
    failure = new StartFailure(reason, detail);
    self.postMessage({ type: "failed", reason, detail, retry });
  }
  return failure;
}

const progress = { received: 0, total: 0, posted: 0 };

function arrived(count) {
  progress.received += count;
  const now = performance.now();
  if (now - progress.posted >= PROGRESS_INTERVAL_MS || progress.received >= progress.total) {
    progress.posted = now;
    self.postMessage({ type: "progress", received: progress.received, total: progress.total });
  }
}

// The whole body, counted as it arrives, and its SHA-256.
async function download(url, response) {
  const chunks = [];
  let size = 0;
  try {
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks.push(chunk.value);
      size += chunk.value.length;
      arrived(chunk.value.length);
    }
  } catch (error) {
    throw failStart("files", `${url}: the download broke off (${error})`);
  }
  const bytes = new Uint8Array(size);
  chunks.reduce((offset, chunk) => (bytes.set(chunk, offset), offset + chunk.length), 0);
  return { bytes, digest: await sha256Hex(bytes) };
}

function mismatch(url, { bytes, digest }, expected, { retry = false } = {}) {
  return failStart(
    "checksum",
    `${url}: SHA-256 ${digest}, expected ${expected.sha256} (size ${bytes.length}, expected ${expected.size})`
      + (retry ? "; the copy in the browser's cache was damaged and is replaced by the server's, which is right" : ""),
    { retry },
  );
}

// Pyodide fetches its .wasm, the lockfile, the standard library and the wheels with the global fetch; the
// worker fetches Pyodide's modules with it too, before it imports them.
function checkFetches(files) {
  const plainFetch = self.fetch.bind(self);
  progress.total = Object.values(files).reduce((sum, file) => sum + file.size, 0);
  let wasmChecked = Promise.resolve();

  async function get(url, options) {
    let response;
    try {
      response = await plainFetch(url, options);
    } catch (error) {
      throw failStart("files", `${url}: ${error}`);
    }
    if (!response.ok) throw failStart("files", `${url}: HTTP ${response.status} ${response.statusText}`);
    return response;
  }

  // Chromium reuses the compiled code of the .wasm (STARTUP.md) only for the response it fetched,
  // untouched: a copy (clone) of it gets none (measured: warm "ready" twice as late). So on a
  // revisit, when the .wasm and its compiled code are in the browser's cache, Pyodide gets the
  // response as fetched and a second read of the cached file is counted and checked; a first
  // visit, with no compiled code to lose, is checked through a copy. Either way the .wasm is
  // handed on as it comes, so the browser compiles it while it streams.
  async function wasm(url, options, expected) {
    const response = await get(url, options);
    const type = response.headers.get("Content-Type");
    if (type?.split(";")[0].trim().toLowerCase() !== "application/wasm") {
      throw failStart("server", `${url} is sent as ${type}; it must be application/wasm (OPERATIONS.md, MIME types)`);
    }
    const copy = revisit ? get(url, { cache: "force-cache" }) : Promise.resolve(response.clone());
    wasmChecked = copy.then((body) => download(url, body)).then(async (body) => {
      if (body.digest === expected.sha256) return;
      // Pyodide has the damaged copy already. One in the browser's cache would stay there for a year:
      // fetch it again past the cache, and if the server's copy is right, the page starts once more.
      const fresh = await plainFetch(url, { cache: "reload" })
        .then(async (again) => again.ok && sha256Hex(new Uint8Array(await again.arrayBuffer())))
        .catch(() => null);
      throw mismatch(url, body, expected, { retry: fresh === expected.sha256 });
    });
    wasmChecked.catch(() => {});
    return response;
  }

  // The interpreter starts once its .wasm and the standard library are in, and installs the wheels after that:
  // a wheel asked for meanwhile is fetched once they have arrived, so that on a slow link it arrives while
  // Python starts instead of sharing the link with them (measured in STARTUP.md).
  const interpreterFiles = [];
  const interpreterArrived = () => Promise.allSettled(interpreterFiles);

  const fetchedAhead = new Map();

  self.fetch = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input), self.location.href).href;
    const expected = files[url];
    if (!expected) return plainFetch(input, init);
    const ahead = fetchedAhead.get(url);
    if (ahead) {
      fetchedAhead.delete(url);
      return ahead;
    }
    if (url.endsWith(".whl")) await interpreterArrived();
    const fetched = checkedFetch(url, init, expected);
    if (url.endsWith(".wasm") || url.endsWith(".zip")) interpreterFiles.push(fetched.then(() => wasmChecked));
    return fetched;
  };

  // Files Pyodide will ask for once its modules are in, fetched while they are still on their way, so that the
  // link is not idle between them.
  function fetchAhead(urls) {
    for (const url of urls.map((each) => new URL(each, self.location.href).href)) {
      const fetched = self.fetch(url);
      fetched.catch(() => {}); // reported through failStart, and again to Pyodide when it asks
      fetchedAhead.set(url, fetched);
    }
  }

  async function checkedFetch(url, init, expected) {
    // Checked here rather than by the browser (Pyodide passes the wheels' digests as `integrity`),
    // so that a damaged file is told apart from a network error, and its progress can be shown.
    const options = { ...init };
    delete options.integrity;
    if (url.endsWith(".wasm")) return wasm(url, options, expected);
    // A file damaged on its way into the browser's cache would stay there for a year: a copy that
    // does not match is fetched once more, past the cache, before the start fails.
    let body;
    for (const cache of [options.cache, "reload"]) {
      const response = await get(url, { ...options, cache });
      body = await download(url, response);
      if (body.digest === expected.sha256) {
        const { status, statusText, headers } = response;
        return new Response(body.bytes, { status, statusText, headers });
      }
    }
    throw mismatch(url, body, expected);
  }
  // The .wasm compiles while it streams, but Pyodide gets the instance, and so runs any of its code, only
  // once its copy has passed the check. Pyodide catches a failed instantiation (e.g. refused by a
  // Content-Security-Policy) and only logs it, then waits for ever: report it. A damaged file is
  // reported as such, once its copy has been checked.
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const instantiate = WebAssembly[name];
    WebAssembly[name] = (...args) =>
      instantiate.apply(WebAssembly, args).then(
        async (instance) => {
          await wasmChecked;
          return instance;
        },
        async (error) => {
          await wasmChecked.catch(() => {});
          throw failStart("server", `WebAssembly.${name}: ${error}`);
        },
      );
  }
  return { fetchAhead };
}

// A module of Pyodide's, imported only once its checked copy is in the browser's cache: the import then
// runs that copy (the browser has no integrity check for a worker's import()).
async function importChecked(url) {
  await self.fetch(url);
  return import(url);
}

async function start({ pyodideURL, lockFileURL, stdLibURL, env, files }) {
  const { fetchAhead } = checkFetches(files);
  // Not the .wasm: Chromium reuses its compiled code on a revisit only for a response that Pyodide reads as
  // fetched, and whether this is a revisit is known only once the snapshot has been looked for.
  fetchAhead([lockFileURL, stdLibURL]);
  // loadPyodide would import pyodide.asm.mjs only once it has started; fetch both at once.
  const modules = Promise.all([
    importChecked(`${pyodideURL}pyodide.mjs`),
    importChecked(`${pyodideURL}pyodide.asm.mjs`),
  ]);
  modules.catch(() => {}); // handled below, once the snapshot's store is there too
  const { buildKey, readSnapshot, storeSnapshot } = await snapshotStore;
  const previousSnapshot = buildKey(files, env).then(
    (key) => ({ key, bytes: readSnapshot(key) }),
    () => ({ key: null, bytes: null }),
  );
  const [{ loadPyodide, version }, { default: createPyodideModule }] = await modules.catch((error) => {
    if (error instanceof StartFailure) throw error;
    throw failStart("files", `${pyodideURL}pyodide.mjs or pyodide.asm.mjs: ${error}`);
  });
  // A snapshot is used only where it can be checked (SubtleCrypto: https or localhost).
  const snapshots = version === SNAPSHOT_PYODIDE_VERSION && typeof indexedDB === "object" && Boolean(crypto.subtle);
  const problems = [];
  const consoleError = console.error;
  const options = {
    indexURL: pyodideURL,
    createPyodideModule,
    lockFileURL,
    stdLibURL,
    env,
    // Also after a snapshot: its interpreter has imported the engine, but the files are not there.
    packages: ["wizard"],
    // loadPyodide only logs a package that fails to load; keep the log. Once the engine runs, what
    // it writes to stderr (an error it caught in a request) is for the console.
    stderr: (line) => (engine ? consoleError("Beslutningsguiden (engine):", line) : problems.push(line)),
  };
  console.error = (...args) => {
    problems.push(args.map(String).join(" "));
    consoleError(...args);
  };
  async function boot(extra) {
    problems.length = 0;
    const pyodide = await loadPyodide({ ...options, ...extra });
    if (failure) throw failure;
    if (!pyodide.loadedPackages.wizard) throw new Error(`the package wizard did not load:\n${problems.join("\n")}`);
    engine = pyodide.pyimport("wizard.session");
    return pyodide;
  }
  try {
    const { key: snapshotKey, bytes: snapshotBytes } = await previousSnapshot;
    const snapshot = snapshots ? await snapshotBytes : null;
    revisit = Boolean(snapshot);
    // A snapshot that Pyodide rejects (e.g. a damaged record) is replaced by a normal start's.
    const restored = snapshot ? await boot({ _loadSnapshot: snapshot }).catch(() => null) : null;
    if (failure) throw failure;
    if (restored) return { restored: true, keepSnapshot: null };
    const pyodide = await boot({ _makeSnapshot: snapshots });
    // The snapshot is taken when this is called, synchronously; storing it takes longer.
    const keepSnapshot = () => storeSnapshot(snapshotKey, takeSnapshot(pyodide));
    return { restored: false, keepSnapshot: snapshots ? keepSnapshot : null };
  } finally {
    console.error = consoleError;
  }
}

// The interpreter's memory as it is now, or null if Pyodide refuses.
function takeSnapshot(pyodide) {
  // Pyodide 314 snapshots only an interpreter whose loadedPackages is still empty (it checks the
  // object by value); the packages are loaded again from their files after a restore anyway.
  const loaded = { ...pyodide.loadedPackages };
  for (const name of Object.keys(loaded)) delete pyodide.loadedPackages[name];
  try {
    return pyodide.makeMemorySnapshot();
  } catch {
    return null;
  } finally {
    Object.assign(pyodide.loadedPackages, loaded);
  }
}

self.addEventListener("message", async (event) => {
  const message = event.data;
  if (message.type === "start") {
    let started;
    try {
      started = await start(message);
    } catch (error) {
      failStart("start", String(error?.stack || error));
      return;
    }
    // A file that failed its check may not have stopped Pyodide (a package that fails is only logged).
    if (failure) return;
    self.postMessage({ type: "ready", restored: started.restored });
    // Taken in the same task as the ready message, so before any question is answered: the
    // snapshot can never hold an answer.
    if (await started.keepSnapshot?.()) self.postMessage({ type: "snapshot-kept" });
    return;
  }
  if (message.type === "forget") {
    (await snapshotStore).forgetSnapshots();
    return;
  }
  if (message.type === "call") {
    try {
      const response = JSON.parse(engine.handle(JSON.stringify(message.request)));
      self.postMessage({ type: "reply", id: message.id, response });
    } catch (error) {
      self.postMessage({ type: "reply", id: message.id, response: { failure: String(error) } });
    }
  }
});
