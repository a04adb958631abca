// The store's worker: the same wasm module as the page, which sees it is in
// a worker and opens the encrypted store in the Origin Private File System.
// The page compiles the module once and sends it here (app.js); meanwhile
// this loads the glue. The listener is set before anything is awaited, so
// the module cannot arrive unheard.
const module = new Promise((resolve) => {
  self.onmessage = (event) => resolve(event.data);
});
const { default: init } = await import("./@GLUE@");
await init({ module_or_path: await module });
