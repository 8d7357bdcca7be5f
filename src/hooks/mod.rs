//! Hooks for the components: effects and state with a name, kept out of the components.

mod address;
mod focus;
mod frame;
mod keys;
mod live;
mod progressive;
mod remembered;
mod title;
mod view_state;

pub use address::{use_address_sync, use_history};
pub use focus::use_focus_requests;
pub use frame::use_frame_height;
pub use keys::use_slash_to_search;
pub use live::use_live_marker;
pub use progressive::use_progressive_count;
pub use remembered::{use_reading_settings, use_remembered_open_sections};
pub use title::use_page_title;
pub use view_state::use_view_state;
