use crate::context::use_viewer;
use yew::prelude::*;

/// The page header: which site the story is from, and the date this copy carried,
/// said plainly not to be the publication date.
#[component]
pub fn Masthead() -> Html {
    let document = use_viewer().document;
    let article = &document.article;
    html! {
        <header class="masthead">
            <p class="site">{ &article.site }</p>
            // One short line; what the date is (and is not) behind a disclosure, as for
            // the publication date.
            if let Some(copy) = &article.copy_date {
                <details class="copy-date">
                    <summary>
                        { "Copy dated " }
                        <time datetime={copy.date.clone()}>{ &copy.text }</time>
                    </summary>
                    <p>
                        { "The date on this copy of the page. " }
                        { copy.note.as_deref().unwrap_or("This is not the publication date.") }
                    </p>
                </details>
            }
        </header>
    }
}
