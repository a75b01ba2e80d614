//! Plans: the model (`model`), reading a plan file (`load`), checking it (`validate`), and the plans
//! embedded in the build (`registry`).

mod error;
#[cfg(feature = "checker")]
mod load;
mod model;
mod registry;
#[cfg(feature = "checker")]
mod validate;

pub use error::PlanError;
#[cfg(feature = "checker")]
pub use load::load;
pub use model::*;
pub use registry::{find, from_bytes, registry, to_bytes};
#[cfg(feature = "checker")]
pub use validate::validate;
