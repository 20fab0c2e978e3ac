// `node brotli.mjs FILE OUT`: FILE compressed with brotli at its highest quality and largest window, checked
// by decompressing it again (tools/runtime/precompress.py). Node's own zlib: nothing to install.
import { readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, brotliDecompressSync, constants } from "node:zlib";

const [file, out] = process.argv.slice(2);
const data = readFileSync(file);
const compressed = brotliCompressSync(data, {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
    [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
  },
});
if (!brotliDecompressSync(compressed).equals(data)) throw new Error(`${file}: the brotli copy does not decompress`);
writeFileSync(out, compressed);
