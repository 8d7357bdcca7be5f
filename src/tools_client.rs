//! Starting the tools module (`src/bin/briefing-tools.rs`) in a Web Worker the first time a
//! tool is used, and asking it for work. A page that never converts or downloads never
//! loads it.
//!
//! Written on `web_sys::Worker` rather than gloo-worker, whose spawner panics when a
//! worker cannot be created (a host page's Content Security Policy may forbid it) and
//! reports no load errors: here both end in a message for the reader.

use crate::tools::{ToolRequest, ToolResponse};
use futures_channel::oneshot;
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

/// The worker's first message: it has loaded and listens.
pub const READY: &str = "ready";

/// How the worker's loader says the module could not be loaded: "failed: <reason>".
const LOAD_FAILED: &str = "failed: ";

/// A request or a response, with the number that pairs them.
#[derive(Serialize, Deserialize)]
pub struct Envelope<T> {
    pub id: u32,
    pub body: T,
}

type Reply = Result<ToolResponse, String>;

/// Where the worker script is when the page names none: beside the page
/// (`static/briefing-tools-loader.js`). The one-file viewer sets `window.briefingToolsUrl`
/// to a worker script of its own (see `.ci/post-build.mjs`).
const DEFAULT_WORKER_URL: &str = "briefing-tools-loader.js";

/// The one worker of the page, shared by every viewer on it.
struct Tools {
    worker: Worker,
    ready: Cell<bool>,
    /// Requests written before the worker said it was ready.
    waiting: RefCell<Vec<String>>,
    pending: RefCell<HashMap<u32, oneshot::Sender<Reply>>>,
    next_id: Cell<u32>,
    /// Why the worker stopped, once it has.
    failed: RefCell<Option<String>>,
}

thread_local! {
    static TOOLS: RefCell<Option<Rc<Tools>>> = const { RefCell::new(None) };
}

fn worker_url() -> String {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("briefingToolsUrl"))
        .ok()
        .and_then(|value| value.as_string())
        .unwrap_or_else(|| DEFAULT_WORKER_URL.to_owned())
}

impl Tools {
    fn start() -> Result<Rc<Tools>, String> {
        let worker = Worker::new(&worker_url()).map_err(|error| {
            format!(
                "The browser would not start the tools ({}).",
                crate::browser::js_error_text(&error, "no reason given")
            )
        })?;
        let tools = Rc::new(Tools {
            worker,
            ready: Cell::new(false),
            waiting: RefCell::new(Vec::new()),
            pending: RefCell::new(HashMap::new()),
            next_id: Cell::new(1),
            failed: RefCell::new(None),
        });
        let weak = Rc::downgrade(&tools);
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            if let (Some(tools), Some(text)) = (weak.upgrade(), event.data().as_string()) {
                tools.received(&text);
            }
        });
        let weak = Rc::downgrade(&tools);
        // A script that fails to load fires a plain `Event`; an error thrown in the
        // worker fires an `ErrorEvent` with a message.
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            if let Some(tools) = weak.upgrade() {
                let detail = js_sys::Reflect::get(&event, &JsValue::from_str("message"))
                    .ok()
                    .and_then(|message| message.as_string())
                    .filter(|m| !m.is_empty());
                tools.fail(format!(
                    "The tools could not be loaded{}.",
                    detail.map_or_else(String::new, |m| format!(" ({m})"))
                ));
            }
        });
        tools
            .worker
            .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        tools
            .worker
            .set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The worker lives as long as the page.
        on_message.forget();
        on_error.forget();
        Ok(tools)
    }

    fn received(&self, text: &str) {
        if let Some(reason) = text.strip_prefix(LOAD_FAILED) {
            self.fail(format!("The tools could not be loaded ({reason})."));
            return;
        }
        if text == READY {
            self.ready.set(true);
            for message in self.waiting.take() {
                self.post(&message);
            }
            return;
        }
        match serde_json::from_str::<Envelope<ToolResponse>>(text) {
            Ok(Envelope { id, body }) => {
                if let Some(sender) = self.pending.borrow_mut().remove(&id) {
                    let _ = sender.send(Ok(body));
                }
            }
            Err(error) => self.fail(format!(
                "The tools answered in a way the viewer cannot read ({error})."
            )),
        }
    }

    fn post(&self, message: &str) {
        if let Err(error) = self.worker.post_message(&JsValue::from_str(message)) {
            self.fail(format!("The tools could not be reached ({error:?})."));
        }
    }

    /// Ends every waiting request with `reason`; later requests get it at once.
    fn fail(&self, reason: String) {
        self.worker.terminate();
        for (_, sender) in self.pending.borrow_mut().drain() {
            let _ = sender.send(Err(reason.clone()));
        }
        *self.failed.borrow_mut() = Some(reason);
    }

    fn ask(&self, request: ToolRequest) -> oneshot::Receiver<Reply> {
        let (sender, receiver) = oneshot::channel();
        if let Some(reason) = self.failed.borrow().clone() {
            let _ = sender.send(Err(reason));
            return receiver;
        }
        let id = self.next_id.get();
        self.next_id.set(id.wrapping_add(1).max(1));
        match serde_json::to_string(&Envelope { id, body: request }) {
            Ok(message) => {
                self.pending.borrow_mut().insert(id, sender);
                if self.ready.get() {
                    self.post(&message);
                } else {
                    self.waiting.borrow_mut().push(message);
                }
            }
            Err(error) => {
                let _ = sender.send(Err(format!("The request could not be written ({error}).")));
            }
        }
        receiver
    }
}

/// Asks the tools module for `request`, starting it on first use. The error is a
/// sentence for the reader: the module could not be loaded, or stopped.
pub async fn run(request: ToolRequest) -> Result<ToolResponse, String> {
    let tools = TOOLS.with(|cell| {
        let mut cell = cell.borrow_mut();
        if let Some(tools) = cell.as_ref().filter(|t| t.failed.borrow().is_none()) {
            return Ok(tools.clone());
        }
        let tools = Tools::start()?;
        *cell = Some(tools.clone());
        Ok::<_, String>(tools)
    })?;
    tools
        .ask(request)
        .await
        .unwrap_or_else(|_| Err("The tools stopped before answering.".to_owned()))
}
