//! Plans: the model (`model`, with `bound`, `calendar` and the file's key layouts in `keys`), the
//! order conditions are evaluated in (`phase`), format versions (`version`), reading a plan file
//! (`load`), checking it (`validate`), and the plans embedded in the build (`registry`, in the order
//! of `order`).
//!
//! `plan` depends on no other part of the crate but `error`-free leaves: the engine depends on it,
//! never the reverse (tests/plan_files.rs keeps it so).

mod bound;
mod calendar;
mod error;
mod keys;
#[cfg(feature = "checker")]
mod load;
mod model;
mod order;
mod phase;
mod registry;
mod review;
#[cfg(feature = "checker")]
mod validate;
mod version;

pub use error::PlanError;
#[cfg(feature = "checker")]
pub use load::load;
pub use model::*;
pub use order::key as order_key;
pub use phase::{Phase, Reference, Site};
pub use registry::{
    embedded, embedded_plans, from_bytes, registry, to_bytes, EmbeddedPlan, BYTES_VERSION,
};
pub use review::{draft_warning, unconfirmed};
#[cfg(feature = "checker")]
pub use validate::validate;
pub use version::FORMAT;
