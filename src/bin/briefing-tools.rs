//! The tools module: a second WebAssembly binary that runs in a Web Worker and does what
//! reading does not need (converting plain text, writing exports), so that none of it
//! weighs on the first view. Trunk builds it as a worker (`data-type="worker"`);
//! `briefing::tools_client` starts it the first time a tool is used.
//!
//! Messages are JSON text: `{"id": n, "request": …}` in, `{"id": n, "response": …}` out,
//! after a first `"ready"` that says the module has loaded (messages that arrive before
//! the handler is set would be lost).

fn main() {
    worker::start();
}

mod worker {
    use briefing::tools::{handle, ToolRequest, ToolResponse};
    use briefing::tools_client::{Envelope, READY};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply_scope = scope.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            let reply = match serde_json::from_str::<Envelope<ToolRequest>>(&text) {
                Ok(Envelope { id, body }) => Envelope {
                    id,
                    body: handle(body),
                },
                Err(error) => Envelope {
                    id: 0,
                    body: ToolResponse::Failed(format!(
                        "The tools could not read a request: {error}"
                    )),
                },
            };
            if let Ok(json) = serde_json::to_string(&reply) {
                let _ = reply_scope.post_message(&JsValue::from_str(&json));
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let _ = scope.post_message(&JsValue::from_str(READY));
    }
}
