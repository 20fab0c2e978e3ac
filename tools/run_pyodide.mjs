// Run a Python program inside the Pyodide shipped in a built site, with the site's lockfile.
// Usage: node run_python.mjs PYODIDE_DIR LOCKFILE [STDLIB_ZIP] < program.py
// The program's stdout/stderr are passed through; a Python exception exits with status 1.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, lockFile, stdLib] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const options = {
  indexURL: pyodideDir + path.sep,
  lockFileURL: lockFile,
  packages: ["wizard"],
  stdout: (line) => process.stdout.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
};
if (stdLib) options.stdLibURL = stdLib;
const pyodide = await loadPyodide(options);
if (!pyodide.loadedPackages.wizard) {
  process.stderr.write("the wizard package did not load\n");
  process.exit(1);
}
try {
  pyodide.runPython(readFileSync(0, "utf8"));
} catch (error) {
  process.stderr.write(String(error) + "\n");
  process.exit(1);
}
