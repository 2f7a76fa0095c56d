//! The JavaScript facade. `analyze(text, options)` returns a plain object (nothing for JS to free);
//! a panic is logged to the console and surfaces as a thrown error, never as a dead page.

use crate::options::Options;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Analyzes `text`. `options` may be `undefined`, or an object with `subject` (string),
/// `critical_reason` (boolean), `lang` (string) and `opted_out` (boolean).
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("analyze(): bad options: {e}. Expected {{subject?: string, critical_reason?: boolean, lang?: string, opted_out?: boolean}}")))?
    };
    let report = crate::analyze(text, &options);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    report.serialize(&serializer).map_err(|e| JsError::new(&format!("analyze(): could not build the report: {e}")))
}

/// Compiles the rule book ahead of the first keystroke, so the first `analyze` is as fast as the rest.
#[wasm_bindgen]
pub fn warm_up(lang: Option<String>) {
    let options = Options { lang, ..Options::default() };
    let _ = crate::analyze("", &options);
}

/// The rule books: for each rule its code, name, severity, title, message, why, citation and
/// examples; for the test page's reference and the extension's cards.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    crate::rulebook::describe().serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
}

/// The crate version, for the about box and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
