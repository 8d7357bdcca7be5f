use crate::browser;
use crate::options::Host;
use yew::prelude::*;

/// The page's title names the article on screen (and where it came from); an element
/// leaves its host page's title alone. The title before comes back when this one goes.
#[hook]
pub fn use_page_title(title: Option<String>, host: Host) {
    use_effect_with((title, host), |(title, host)| {
        let replaced = title
            .as_deref()
            .filter(|_| *host != Host::Element)
            .and_then(browser::set_title);
        move || {
            if let Some(before) = replaced {
                browser::set_title(&before);
            }
        }
    });
}
