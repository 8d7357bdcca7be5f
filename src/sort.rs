//! A stable sort in little code, for the WebAssembly modules. The standard library's
//! sorts (driftsort, ipnsort) are fast on large inputs but take 3 to 4 kB of code for
//! each element type and order they are used with, and each module had about ten. Here
//! one merge sort of indices serves them all; what is left for each use is a small
//! closure and the shuffle of the items into place.
//!
//! A stable sort's result is fixed by the comparison, so these give exactly what
//! `slice::sort_by` and `slice::sort_by_key` give (`tests`, against the standard ones).

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by the key `key` gives each, keeping items of equal keys in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their order. For items whose equal values cannot be told apart
/// (numbers, tuples of them), the same as an unstable sort.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The indices `0..len` in the order a stable sort puts their items: a merge sort, of
/// runs of one, two, four… items.
fn stable_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = vec![0; len];
    let mut width = 1;
    while width < len {
        for start in (0..len).step_by(2 * width) {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                // From the right only when strictly less: equal items keep their order.
                let from_right = right < end
                    && (left == middle || compare(order[right], order[left]) == Ordering::Less);
                if from_right {
                    *slot = order[right];
                    right += 1;
                } else {
                    *slot = order[left];
                    left += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Puts the item at `order[i]` at `i`, one cycle of the permutation at a time.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let from = order[at];
            // Marks `at` as placed, so a later start ends at once.
            order[at] = at;
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn small_cases() {
        let mut empty: [u8; 0] = [];
        sort(&mut empty);
        let mut one = [7];
        sort(&mut one);
        assert_eq!(one, [7]);
        let mut pairs = [(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut pairs, |&(key, _)| key);
        assert_eq!(pairs, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    proptest::proptest! {
        #[test]
        fn sorts_as_the_standard_library_sorts(
            keys in proptest::collection::vec(0u8..8, 0..300),
        ) {
            // Equal keys, told apart by their first place: stability shows.
            let items: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(key, _)| key);
            let mut standard = items.clone();
            standard.sort_by_key(|&(key, _)| key);
            proptest::prop_assert_eq!(&ours, &standard);

            let odd_first = |a: &(u8, usize), b: &(u8, usize)| (b.0 % 2).cmp(&(a.0 % 2)).then(a.0.cmp(&b.0));
            let mut ours = items.clone();
            sort_by(&mut ours, odd_first);
            let mut standard = items.clone();
            standard.sort_by(odd_first);
            proptest::prop_assert_eq!(&ours, &standard);

            let mut ours = keys.clone();
            sort(&mut ours);
            let mut standard = keys.clone();
            standard.sort_unstable();
            proptest::prop_assert_eq!(ours, standard);
        }
    }
}
