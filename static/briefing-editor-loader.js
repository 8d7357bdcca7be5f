// Runs after the editor module's glue (briefing-editor.js, wasm-bindgen's no-modules
// kind), whose `wasm_bindgen` is a top-level `let`: a global name, but not a property of
// window, so the viewer cannot reach it. This hands it over.
window.briefingEditorGlue = wasm_bindgen;
