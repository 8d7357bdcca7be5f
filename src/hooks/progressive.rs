use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// How many of `total` items to render now: `step` at first, then `step` more after each
/// render, in tasks of their own, until all are there. A long article thus shows its
/// start at once and stays responsive while the rest is added, instead of building every
/// element in one long task. `all_at_once` renders everything in the first render (to
/// hydrate pre-rendered HTML, which has every item). `at_least` items are there at once
/// (what the reader is pointed at), and stay: the count never goes down.
#[hook]
pub fn use_progressive_count(
    total: usize,
    step: usize,
    all_at_once: bool,
    at_least: usize,
) -> usize {
    let stepped = use_state_eq(|| if all_at_once { total } else { step.min(total) });
    let reached = use_mut_ref(|| 0);
    let count = {
        let mut reached = reached.borrow_mut();
        *reached = (*reached).max(at_least).max(*stepped).min(total);
        *reached
    };
    {
        let stepped = stepped.clone();
        use_effect_with((count, total), move |&(count, total)| {
            // A timeout, not an animation frame: input waiting since the last step is
            // handled first.
            let next = (count < total)
                .then(|| Timeout::new(0, move || stepped.set((count + step).min(total))));
            move || drop(next)
        });
    }
    count
}
