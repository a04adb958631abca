// The store's worker: the same wasm module as the page, which sees it is in
// a worker and opens the encrypted store in the Origin Private File System.
import init from "./@GLUE@";
await init({ module_or_path: "./@WASM@" });
