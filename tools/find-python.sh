#!/usr/bin/env bash
# Print the path of a Python >= 3.12 interpreter, or explain what is needed and fail.
# pyodide-build needs Python 3.12 or newer; the machine's python3 may be older.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; }
candidates=("${PYTHON:-}" python3.13 python3.12 python3)
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root)
  for dir in $(ls -d "$root"/versions/3.1[2-9]* 2>/dev/null | sort -rV); do
    candidates+=("$dir/bin/python3")
  done
fi
candidates+=(/usr/local/bin/python3.13 /usr/local/bin/python3.12 /usr/bin/python3.13 /usr/bin/python3.12)
for c in "${candidates[@]}"; do
  [ -n "$c" ] || continue
  path=$(command -v "$c" 2>/dev/null) || continue
  if ok "$path"; then echo "$path"; exit 0; fi
done
cat >&2 <<'MSG'
Fejl: der kræves Python 3.12 eller nyere (til pyodide-build), men ingen blev fundet.
Error: Python >= 3.12 is required (for pyodide-build) and none was found.
Looked at: $PYTHON, python3.13, python3.12, python3 on PATH, and pyenv versions 3.12+.
Install one (e.g. `pyenv install 3.12` or your distribution's python3.12 package with venv),
or point to it with `make PYTHON=/path/to/python3.12 ...`.
MSG
exit 1
