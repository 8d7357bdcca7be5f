//! What every component of one article's view shares, read with [`use_viewer`] instead of
//! being passed down as props (as in Yew's `contexts` example).
//!
//! The value never changes while an article is on screen: every field compares by
//! identity (the document by its `Rc`, the callbacks by theirs, made once per article),
//! so providing it again on each render re-renders no consumer. What changes with the
//! reader's choices (the chosen entity, marks, hits) stays in props, so that the
//! memoised sections, passages and chunks re-render only when their own part changes.

use crate::document::DocumentHandle;
use crate::link::ViewLink;
use crate::state::Action;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct ViewerContext {
    /// The article on screen, analysed.
    pub document: DocumentHandle,
    /// The one way to change the view state: `reform` it into a leaf's callback.
    pub dispatch: Callback<Action>,
    /// Whether the viewer owns its address, so that links to it mean something.
    pub can_link: bool,
    /// Copies a deep link and says so in the status.
    pub copy_link: Callback<ViewLink>,
}

/// The context of the article's view.
///
/// # Panics
/// Outside the `ContextProvider` that the article's root puts around its view.
#[hook]
pub fn use_viewer() -> ViewerContext {
    use_context::<ViewerContext>().expect("a component of the viewer, inside its context")
}
