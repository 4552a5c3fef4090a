//! Inline styles through the CSSOM. A strict Content-Security-Policy
//! (`style-src 'self'`) refuses a `style` attribute, but not a property set
//! on an element's `style` object, so values known only at run time (a
//! card's position, a number of columns) are set that way.

use crate::effect::use_effect_each_render;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Sets `properties` (CSS names, custom properties included) on the element
/// of `node` after every render of the calling component.
#[hook]
pub fn use_style(node: NodeRef, properties: Vec<(&'static str, String)>) {
    use_effect_each_render(move || {
        if let Some(element) = node.cast::<HtmlElement>() {
            let style = element.style();
            for (name, value) in &properties {
                let _ = style.set_property(name, value);
            }
        }
        Box::new(|| ())
    });
}
