//! Stable sorting by a comparison, with one copy of the sort in the web app.
//!
//! Each `slice::sort_by` with a closure of its own is a sort of its own in
//! the wasm (one to three kilobytes each, for every call). In the browser
//! these functions sort the places `0..n` instead, through one comparison
//! behind a pointer, then move the elements to their places; natively they
//! are `slice::sort_by`. Either way the order is that of a stable sort.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal elements in their order (`slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    by_places(v, &mut cmp);
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by(|a, b| cmp(a, b));
}

/// Sorts `v` in its own order (`slice::sort`; `sort_unstable` too, for
/// elements that are equal only when alike).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` by the key of each element, stably (`slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The browser's sort: the places sorted, then the elements moved.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn by_places<T>(v: &mut [T], cmp: &mut impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut places = order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(&mut places, &mut |a, b| v.swap(a, b));
}

/// The places `0..n` in the order `cmp` gives them, equal ones by place
/// (so stable, from the one unstable sort of `usize` the app has anyway).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
#[inline(never)]
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut places: Vec<usize> = (0..n).collect();
    places.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    places
}

/// Puts at each place `i` the element that was at `places[i]`, by swaps
/// along each cycle of the permutation (`places` is spent).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
#[inline(never)]
fn permute(places: &mut [usize], swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..places.len() {
        let mut at = start;
        while places[at] != usize::MAX {
            let from = places[at];
            places[at] = usize::MAX;
            if from == start {
                break;
            }
            swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    /// The browser's sort gives the standard stable sort's order.
    #[test]
    fn by_places_is_stable() {
        for n in [0usize, 1, 2, 3, 17, 200] {
            let v: Vec<(u8, usize)> = (0..n).map(|i| ((i * 37 % 11) as u8, i)).collect();
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            let mut got = v.clone();
            super::by_places(&mut got, &mut |a: &(u8, usize), b: &(u8, usize)| {
                a.0.cmp(&b.0)
            });
            assert_eq!(got, expected);
            let mut reversed = v;
            expected.sort_by_key(|p| std::cmp::Reverse(p.0));
            super::by_places(&mut reversed, &mut |a: &(u8, usize), b: &(u8, usize)| {
                b.0.cmp(&a.0)
            });
            assert_eq!(reversed, expected);
        }
    }
}
