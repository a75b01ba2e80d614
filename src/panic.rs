//! The last panic's message, kept so the front end can show it. A panic should never happen (every
//! input error is a `Result`), but if one does, the WASM build aborts the call with a `RuntimeError`
//! (`unreachable`) and the page asks `last_panic()` what happened to show it with its own message.

use std::sync::{Mutex, Once};

static LAST: Mutex<Option<String>> = Mutex::new(None);

/// Installs the hook once (later calls do nothing). The previous hook still runs after it.
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let message = if let Some(s) = info.payload().downcast_ref::<&str>() {
                (*s).to_string()
            } else if let Some(s) = info.payload().downcast_ref::<String>() {
                s.clone()
            } else {
                "(无文字说明)".to_string()
            };
            let place = info
                .location()
                .map(|l| format!(" @ {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            if let Ok(mut last) = LAST.lock() {
                *last = Some(format!("{message}{place}"));
            }
            previous(info);
        }));
    });
}

/// The message (and source place) of the last panic since `install`, if any.
pub fn last() -> Option<String> {
    LAST.lock().ok().and_then(|l| l.clone())
}
