use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OpenBarProps {
    pub on_file: Callback<web_sys::File>,
}

/// "Open article…": a real button that opens the browser's file chooser (the file input
/// itself stays hidden, but named, for checkers that look at it), for Briefing JSON and
/// plain text. Dropping a file anywhere on the viewer does the same.
#[component]
pub fn OpenBar(props: &OpenBarProps) -> Html {
    let input = use_node_ref();
    let choose = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
    let onchange = {
        let (input, on_file) = (input.clone(), props.on_file.clone());
        Callback::from(move |_: Event| {
            let Some(input) = input.cast::<web_sys::HtmlInputElement>() else {
                return;
            };
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_file.emit(file);
            }
            // Choosing the same file again must fire `change` again.
            input.set_value("");
        })
    };
    html! {
        <div class="open-bar">
            // The hint shows on hover and focus; screen readers hear it with the button.
            <button type="button" class="open-article" onclick={choose} aria-describedby="open-hint">{ "Open article…" }</button>
            <span id="open-hint" class="open-hint">{ "A Briefing .json file or a plain .txt story; or drop one on the page" }</span>
            <input ref={input} type="file" hidden=true aria-label="Article file to open" accept=".json,.txt,application/json,text/plain" {onchange} />
        </div>
    }
}
