//! Small components: each reads what the whole view shares (the document, the dispatcher,
//! linking) from [`crate::context::ViewerContext`], gets what differs per instance as props,
//! and holds no app state.

mod article;
mod consent;
mod copy_link;
mod entity_card;
mod masthead;
mod open_bar;
mod passage;
mod provenance;
mod section;
mod sidebar;
mod timeline;
mod toolbar;

pub use article::ArticleView;
pub use consent::ArticleConsent;
pub use copy_link::CopyLinkButton;
pub use entity_card::EntityCardView;
pub use masthead::Masthead;
pub use open_bar::OpenBar;
pub use passage::PassageText;
pub use provenance::ProvenanceNote;
pub use section::{SectionHits, SectionView};
pub use sidebar::EntitySidebar;
pub use timeline::TimelinePanel;
pub use toolbar::{ReadingControls, SearchBox};
