//! Plans: the model (`model`), reading a plan file (`load`), checking it (`validate`), and the plans
//! embedded in the build (`registry`).

mod load;
mod model;
mod registry;
mod validate;

pub use load::{load, PlanError};
pub use model::*;
pub use registry::{find, registry};
pub use validate::{clock_minutes, validate};
