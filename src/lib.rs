//! yingji (应急预案助手): emergency plans as data, evaluated client-side.
//!
//! `plan` holds the plan model, loading and validation; `engine` turns a plan and a set of facts into
//! an `Outcome`; `api` is the contract the CLI and the WASM boundary (`wasm`) both serve. Nothing here
//! but `wasm` knows about the browser, and nothing reads a clock: `now` is passed in.

pub mod api;
#[cfg(feature = "checker")]
pub mod draft;
#[cfg(feature = "checker")]
pub mod edit;
pub mod engine;
pub mod error;
pub mod finder;
pub mod panic;
pub mod plan;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

#[cfg(feature = "checker")]
pub use api::check;
pub use api::{evaluate, evaluate_full, find, plans, schema};
pub use error::InputError;
