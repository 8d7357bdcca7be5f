//! Small components: each gets data and callbacks as props and holds no app state.

mod article;
mod masthead;
mod open_bar;
mod passage;
mod provenance;
mod section;
mod sidebar;
mod timeline;

pub use article::ArticleView;
pub use masthead::Masthead;
pub use open_bar::OpenBar;
pub use passage::PassageText;
pub use provenance::ProvenanceNote;
pub use section::SectionView;
pub use sidebar::EntitySidebar;
pub use timeline::TimelinePanel;
