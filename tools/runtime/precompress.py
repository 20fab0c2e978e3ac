"""Compressed copies of the guide's runtime files, made once at build time at the highest levels.

A server that sends a file's precompressed copy instead of compressing it on the fly (nginx's
``gzip_static``, built into Debian's nginx; ``brotli_static`` where its module is installed) sends
these: gzip made with Zopfli (a gzip stream any browser reads: about 0.7 MB less than nginx's default
on-the-fly level 1 for the guide's first visit, and 0.17 MB less than zlib's level 9) and brotli at
quality 11 (a further 1.1 MB less, for browsers that accept it: over https, and on localhost).
``make bench`` and STARTUP.md show what each does for the reader. Each copy is cached under ``build/``
by its file's SHA-256 and how it was made, so a build compresses a new Pyodide or engine once.
"""

import gzip
import hashlib
import shutil
import subprocess
from pathlib import Path

import zopfli.gzip

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "build" / "precompressed"
BROTLI = Path(__file__).with_name("brotli.mjs")
# Below this, compressing gains nothing worth a second file (nginx's gzip_min_length).
MIN_SIZE = 1024
ENCODINGS = {"gz": "gzip", "br": "brotli"}
# Zopfli's first iteration gives almost all of its gain (the .wasm: 3,415,020 B against 3,412,324 B with 5,
# and 3,528,803 B with zlib's level 9) in about 12 s; the copy is made once per file's content.
ZOPFLI_ITERATIONS = 1
# The cached copy's name says how it was made, so a change of method makes it again.
CACHED_AS = {"gz": f"zopfli{ZOPFLI_ITERATIONS}.gz", "br": "br"}


class PrecompressError(RuntimeError):
    """A compressed copy could not be made."""


def precompress(files: list[Path]) -> list[Path]:
    """Write ``FILE.gz`` and ``FILE.br`` beside each of ``files`` of at least MIN_SIZE bytes; return them."""
    written = []
    for file in files:
        data = file.read_bytes()
        if len(data) < MIN_SIZE:
            continue
        digest = hashlib.sha256(data).hexdigest()
        for suffix in ENCODINGS:
            cached = CACHE / f"{digest}.{CACHED_AS[suffix]}"
            if not cached.is_file():
                _compress(file, data, cached, suffix)
            target = file.with_name(f"{file.name}.{suffix}")
            shutil.copyfile(cached, target)
            written.append(target)
    return written


def _compress(file: Path, data: bytes, cached: Path, suffix: str) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(cached.name + ".partial")
    if suffix == "gz":
        partial.write_bytes(zopfli.gzip.compress(data, numiterations=ZOPFLI_ITERATIONS))
        if gzip.decompress(partial.read_bytes()) != data:
            raise PrecompressError(f"the gzip copy of {file.name} does not decompress to the file")
    else:
        proc = subprocess.run(["node", str(BROTLI), str(file), str(partial)], capture_output=True, text=True)
        if proc.returncode != 0:
            raise PrecompressError(f"could not compress {file.name} with brotli:\n{proc.stderr[-2000:]}")
    # Into place at once, so builds running side by side never read half a copy.
    partial.replace(cached)
