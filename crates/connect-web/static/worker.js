// The store's worker: the same wasm module as the page, which sees it is in
// a worker and opens the encrypted store in the Origin Private File System.
// The module's fetch starts before the glue is imported (a static import
// would wait for the glue and its snippets first); the glue compiles it as
// it streams in.
const module = fetch("./@WASM@");
const { default: init } = await import("./@GLUE@");
await init({ module_or_path: module });
