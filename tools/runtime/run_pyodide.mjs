// Run a Python program inside a Pyodide runtime with a lockfile, in Node.js.
// Usage: node tools/runtime/run_pyodide.mjs PYODIDE_DIR LOCKFILE [--stdlib ZIP] [--env JSON] [--mount HOST_DIR]
//        < program.py
// PYODIDE_DIR holds pyodide.mjs; the `wizard` package is loaded from LOCKFILE. --stdlib replaces
// the standard library zip; --env sets Python's environment variables (a JSON object);
// --mount makes HOST_DIR readable and writable as /mnt/host.
// The program's stdout/stderr are passed through; a Python exception exits with status 1.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import path from "node:path";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { stdlib: { type: "string" }, env: { type: "string" }, mount: { type: "string" } },
});
const [pyodideDir, lockFile] = positionals;
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const options = {
  indexURL: pyodideDir + path.sep,
  lockFileURL: lockFile,
  packages: ["wizard"],
  stdout: (line) => process.stdout.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
};
if (values.stdlib) options.stdLibURL = values.stdlib;
if (values.env) options.env = JSON.parse(values.env);
const pyodide = await loadPyodide(options);
if (!pyodide.loadedPackages.wizard) {
  process.stderr.write("the wizard package did not load\n");
  process.exit(1);
}
if (values.mount) {
  pyodide.FS.mkdirTree("/mnt/host");
  pyodide.mountNodeFS("/mnt/host", path.resolve(values.mount));
}
try {
  pyodide.runPython(readFileSync(0, "utf8"));
} catch (error) {
  process.stderr.write(String(error) + "\n");
  process.exit(1);
}
