//! The JavaScript facade. `analyze(text, options)` returns a plain object (nothing for JS to free);
//! `analyze_compact(text, options)` the same report in its compact form (src/report/compact.rs), what
//! the extension and the test page call. A panic is logged to the console and surfaces as a thrown
//! error, never as a dead page.
//!
//! Values cross the boundary as JSON text: the report is written by `serde_json` in one pass and
//! built by the engine's own `JSON.parse`, one call however many findings there are (a field-by-field
//! serializer calls into JavaScript for every field, and its code made the module 1.2 KB too big
//! for its 150 KB budget). Options are read field by field.

use crate::options::Options;
use crate::report::compact::CompactReport;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// Cannot fail on what serde_json writes.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &str) -> JsValue;
    /// `options[key]`; throws only for a getter that throws.
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn reflect_get(target: &JsValue, key: &str) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

const OPTIONS_SHAPE: &str = "Expected {subject?: string, critical_reason?: boolean, lang?: string, opted_out?: boolean}";

fn bad_options(what: &str, why: &str) -> JsError {
    JsError::new(&format!("{what}: bad options: {why}. {OPTIONS_SHAPE}"))
}

/// Reads the four options by name (unknown ones are ignored, as before); a JSON parser here would
/// cost more code than the whole facade.
fn options_from_js(options: &JsValue, what: &str) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() {
        return Err(bad_options(what, "not an object"));
    }
    let field = |key: &str| -> Result<Option<JsValue>, JsError> {
        let v = reflect_get(options, key).map_err(|_| bad_options(what, &format!("reading {key} threw")))?;
        Ok(if v.is_undefined() || v.is_null() { None } else { Some(v) })
    };
    let string = |key: &str| -> Result<Option<String>, JsError> {
        field(key)?.map(|v| v.as_string().ok_or_else(|| bad_options(what, &format!("{key} must be a string")))).transpose()
    };
    let boolean = |key: &str| -> Result<bool, JsError> {
        Ok(field(key)?.map(|v| v.as_bool().ok_or_else(|| bad_options(what, &format!("{key} must be a boolean")))).transpose()?.unwrap_or(false))
    };
    Ok(Options { subject: string("subject")?, critical_reason: boolean("critical_reason")?, lang: string("lang")?, opted_out: boolean("opted_out")? })
}

/// Writing our reports cannot fail (no maps, no non-string keys); should it, the error says where,
/// without serde_json's messages (their texts and formatting code were 3.4 KB of the module).
fn to_js<T: serde::Serialize>(value: &T, what: &str) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(|_| JsError::new(&format!("{what}: could not write the answer as JSON (a bug: please report it)")))?;
    Ok(json_parse(&json))
}

/// Analyzes `text`. `options` may be `undefined`, or an object with `subject` (string),
/// `critical_reason` (boolean), `lang` (string) and `opted_out` (boolean).
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = options_from_js(&options, "analyze()")?;
    to_js(&crate::analyze(text, &options), "analyze()")
}

/// The report of `analyze(text, options)` in its compact form (extension/ui/compact-report.js expands
/// it with the same `text`): each rule's texts once, a finding as five numbers, so the JSON written
/// and parsed is a few percent of the full report's.
#[wasm_bindgen]
pub fn analyze_compact(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = options_from_js(&options, "analyze_compact()")?;
    let report = crate::analyze(text, &options);
    to_js(&CompactReport::new(&report, text), "analyze_compact()")
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
    to_js(&crate::rulebook::describe(), "rules()")
}

/// The crate version, for the about box and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
