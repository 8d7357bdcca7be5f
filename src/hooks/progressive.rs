use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// How many of `total` items to render now: `step` at first, then `step` more after each
/// render, in tasks of their own, until all are there. A long article thus shows its
/// start at once and stays responsive while the rest is added, instead of building every
/// element in one long task. `all_at_once` renders everything in the first render (to
/// hydrate pre-rendered HTML, which has every item).
#[hook]
pub fn use_progressive_count(total: usize, step: usize, all_at_once: bool) -> usize {
    let shown = use_state_eq(|| if all_at_once { total } else { step.min(total) });
    {
        let shown = shown.clone();
        use_effect_with((*shown, total), move |&(count, total)| {
            // A timeout, not an animation frame: input waiting since the last step is
            // handled first.
            let next = (count < total)
                .then(|| Timeout::new(0, move || shown.set((count + step).min(total))));
            move || drop(next)
        });
    }
    (*shown).min(total)
}
