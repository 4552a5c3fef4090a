//! Effects with their closures boxed: Yew's effect code is then compiled
//! once per kind of dependency, not once per effect.

use yew::prelude::*;

/// What an effect leaves to be done when it is run again or its component goes.
pub type Cleanup = Box<dyn FnOnce()>;

type Effect<D> = Box<dyn FnOnce(&D) -> Cleanup>;

/// [`use_effect_with`]: `effect` runs after the first render and after each
/// render whose `deps` differ from the last ones.
#[hook]
pub fn use_effect_on<D: PartialEq + 'static>(deps: D, effect: impl FnOnce(&D) + 'static) {
    use_cleaned_effect_on(deps, move |deps: &D| -> Cleanup {
        effect(deps);
        Box::new(|| ())
    });
}

/// [`use_effect_on`] with a cleanup, run before the effect runs again and
/// when the component goes.
#[hook]
pub fn use_cleaned_effect_on<D: PartialEq + 'static>(
    deps: D,
    effect: impl FnOnce(&D) -> Cleanup + 'static,
) {
    let effect: Effect<D> = Box::new(effect);
    use_effect_with(deps, effect);
}

/// [`use_effect`]: `effect` runs after every render; its cleanup before the
/// next one and when the component goes.
#[hook]
pub fn use_effect_each_render(effect: impl FnOnce() -> Cleanup + 'static) {
    let effect: Box<dyn FnOnce() -> Cleanup> = Box::new(effect);
    use_effect(effect);
}
