// The decision guide's engine runs here, off the main thread: Pyodide with the `wizard` wheel.
// Messages in:  {type: "start", pyodideURL, lockFileURL, stdLibURL, env}  then  {type: "call", id, request}
// Messages out: {type: "ready", restored} | {type: "failed", reason, detail} | {type: "reply", id, response}
//               and, after a start without a snapshot, {type: "snapshot-kept"} once one is stored.
// The worker only relays: every decision is made by wizard.browser in Python.
//
// A revisit starts from a memory snapshot of the interpreter, taken on the first visit with the
// engine imported and before any question is answered, and kept in this browser's IndexedDB.
// Snapshots are private Pyodide API: they are used only with the version they were checked
// against (a test keeps SNAPSHOT_PYODIDE_VERSION in step with package.json), and anything that
// goes wrong with one falls back to a normal start.

const SNAPSHOT_PYODIDE_VERSION = "314.0.7";
const SNAPSHOT_DATABASE = "beslutningsguide";
const SNAPSHOT_STORE = "pyodide-snapshot";

let engine = null;

async function start({ pyodideURL, lockFileURL, stdLibURL, env }) {
  // The stdlib's path holds the digest of the lockfile and the stdlib: a new build, a new key.
  const snapshotKey = JSON.stringify([pyodideURL, stdLibURL, env]);
  const previousSnapshot = readSnapshot(snapshotKey);
  // loadPyodide would import pyodide.asm.mjs only once it has started; fetch both at once.
  const [{ loadPyodide, version }, { default: createPyodideModule }] = await Promise.all([
    import(`${pyodideURL}pyodide.mjs`),
    import(`${pyodideURL}pyodide.asm.mjs`),
  ]);
  const snapshots = version === SNAPSHOT_PYODIDE_VERSION && typeof indexedDB === "object";
  const problems = [];
  const options = {
    indexURL: pyodideURL,
    createPyodideModule,
    lockFileURL,
    stdLibURL,
    env,
    // Also after a snapshot: its interpreter has imported the engine, but the files are not there.
    packages: ["wizard"],
    // loadPyodide only logs a package that fails to load (e.g. a sha256 mismatch); keep the log.
    stderr: (line) => problems.push(line),
  };
  const consoleError = console.error;
  console.error = (...args) => {
    problems.push(args.map(String).join(" "));
    consoleError(...args);
  };
  async function boot(extra) {
    problems.length = 0;
    const pyodide = await loadPyodide({ ...options, ...extra });
    if (!pyodide.loadedPackages.wizard) {
      const error = new Error("package");
      error.detail = problems.join("\n");
      throw error;
    }
    engine = pyodide.pyimport("wizard.browser");
    return pyodide;
  }
  try {
    const snapshot = snapshots ? await previousSnapshot : null;
    // A snapshot that Pyodide rejects (e.g. a damaged record) is replaced by a normal start's.
    const restored = snapshot ? await boot({ _loadSnapshot: snapshot }).catch(() => null) : null;
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

// Reading never creates the database: a first visit only asks whether it exists.
function openSnapshots(create) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(SNAPSHOT_DATABASE, 1);
    request.onupgradeneeded = () => {
      if (create) request.result.createObjectStore(SNAPSHOT_STORE);
      else request.transaction.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function transact(mode, work) {
  return openSnapshots(mode === "readwrite").then(
    (database) =>
      new Promise((resolve, reject) => {
        const transaction = database.transaction(SNAPSHOT_STORE, mode);
        const request = work(transaction.objectStore(SNAPSHOT_STORE));
        transaction.oncomplete = () => {
          database.close();
          resolve(request.result);
        };
        transaction.onerror = transaction.onabort = () => {
          database.close();
          reject(transaction.error);
        };
      }),
  );
}

// The snapshot stored under this key, or null (none, an older build's, or no IndexedDB here).
async function readSnapshot(key) {
  try {
    const record = await transact("readonly", (store) => store.get("current"));
    if (record?.key !== key) return null;
    return new Uint8Array(await record.bytes.arrayBuffer());
  } catch {
    return null;
  }
}

// One snapshot per browser: a new one replaces the old. Resolves whether it was stored.
async function storeSnapshot(key, bytes) {
  if (!bytes) return false;
  try {
    await transact("readwrite", (store) => store.put({ key, bytes: new Blob([bytes]) }, "current"));
    return true;
  } catch {
    return false;
  }
}

self.addEventListener("message", async (event) => {
  const message = event.data;
  if (message.type === "start") {
    let started;
    try {
      started = await start(message);
    } catch (error) {
      self.postMessage({
        type: "failed",
        reason: error.message === "package" ? "package" : "start",
        detail: error.detail || String(error),
      });
      return;
    }
    self.postMessage({ type: "ready", restored: started.restored });
    // Taken in the same task as the ready message, so before any question is answered: the
    // snapshot can never hold an answer.
    if (await started.keepSnapshot?.()) self.postMessage({ type: "snapshot-kept" });
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
