//! Đối chiếu in the browser: presentation only. The corpus is decoded once
//! from the bytes `build.rs` embedded; the URL fragment is the only view
//! state; everything else is read from the core.

mod app;
mod components;
mod corpus;
mod effect;
mod i18n;
mod packs;
mod pages;
mod panic;
mod style;
mod trusted;
mod view;

fn main() {
    panic::install_hook();
    yew::Renderer::<app::App>::new().render();
    trusted::register_worker();
}
