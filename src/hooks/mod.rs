//! Hooks for the components: effects and state with a name, kept out of the components.

mod progressive;

pub use progressive::use_progressive_count;
