// The decision guide's engine runs here, off the main thread: Pyodide with the `wizard` wheel.
// Messages in:  {type: "start", pyodideURL, lockFileURL, stdLibURL, env}  then  {type: "call", id, request}
// Messages out: {type: "ready"} | {type: "failed", reason, detail} | {type: "reply", id, response}
// The worker only relays: every decision is made by wizard.browser in Python.

let engine = null;

async function start({ pyodideURL, lockFileURL, stdLibURL, env }) {
  // loadPyodide would import pyodide.asm.mjs only once it has started; fetch both at once.
  const [{ loadPyodide }, { default: createPyodideModule }] = await Promise.all([
    import(`${pyodideURL}pyodide.mjs`),
    import(`${pyodideURL}pyodide.asm.mjs`),
  ]);
  const problems = [];
  const options = {
    indexURL: pyodideURL,
    createPyodideModule,
    lockFileURL,
    stdLibURL,
    env,
    packages: ["wizard"],
    // loadPyodide only logs a package that fails to load (e.g. a sha256 mismatch); keep the log.
    stderr: (line) => problems.push(line),
  };
  const consoleError = console.error;
  console.error = (...args) => {
    problems.push(args.map(String).join(" "));
    consoleError(...args);
  };
  let pyodide;
  try {
    pyodide = await loadPyodide(options);
  } finally {
    console.error = consoleError;
  }
  if (!pyodide.loadedPackages.wizard) {
    const error = new Error("package");
    error.detail = problems.join("\n");
    throw error;
  }
  engine = pyodide.pyimport("wizard.browser");
}

self.addEventListener("message", async (event) => {
  const message = event.data;
  if (message.type === "start") {
    try {
      await start(message);
      self.postMessage({ type: "ready" });
    } catch (error) {
      self.postMessage({
        type: "failed",
        reason: error.message === "package" ? "package" : "start",
        detail: error.detail || String(error),
      });
    }
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
