// Starts the tools module (src/bin/briefing-tools.rs) in this Web Worker. A failure to
// load it is told to the page, which would otherwise wait: a rejected promise in a
// worker fires no error event on the page's Worker object.
try {
    importScripts('./briefing-tools.js');
    wasm_bindgen({ module_or_path: './briefing-tools_bg.wasm' }).catch((error) => postMessage(`failed: ${error}`));
} catch (error) {
    postMessage(`failed: ${error}`);
}
