use crate::trust::ArticleUrl;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleConsentProps {
    pub url: ArticleUrl,
    /// The reader wants the article shown (it is fetched only then).
    pub on_show: Callback<ArticleUrl>,
    /// The reader wants the built-in article instead.
    pub on_decline: Callback<()>,
}

/// Asked before an article from a site the deployment does not trust is fetched and
/// shown: which host it comes from, and a choice. It is the page's main content until
/// the reader chooses.
#[component]
pub fn ArticleConsent(props: &ArticleConsentProps) -> Html {
    let show = {
        let (url, on_show) = (props.url.clone(), props.on_show.clone());
        Callback::from(move |_: MouseEvent| on_show.emit(url.clone()))
    };
    let decline = props.on_decline.reform(|_: MouseEvent| ());
    html! {
        <main id="article" class="consent">
            <h1 class="consent-question">
                { "This article comes from " }
                <span class="source-name">{ props.url.shown_host() }</span>
                { ", not from this site. Show it?" }
            </h1>
            <p class="consent-detail">{ "Its text, names and dates are whatever that site says; this site has not checked them." }</p>
            <div class="consent-actions">
                <button type="button" class="consent-show" onclick={show}>{ "Show it" }</button>
                <button type="button" class="consent-decline" onclick={decline}>{ "Show the built-in article instead" }</button>
            </div>
        </main>
    }
}
