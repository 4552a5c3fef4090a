//! Đối chiếu in the browser: presentation only. The corpus is decoded once
//! from the bytes `build.rs` embedded; the URL fragment is the only view
//! state; everything else is read from the core. Built natively, the same
//! views write the library's first view as HTML for the page to show before
//! the wasm is in ([`prerender`], `doichieu-app prerender`).

mod app;
mod components;
mod corpus;
mod effect;
mod i18n;
mod packs;
mod pages;
mod panic;
#[cfg(not(target_arch = "wasm32"))]
mod prerender;
mod style;
mod trusted;
mod view;

fn main() {
    // Natively, at build time: the library's first view as HTML (scripts/build).
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::args().nth(1).as_deref() == Some("prerender") {
        print!("{}", prerender::first_view());
        return;
    }
    panic::install_hook();
    yew::Renderer::<app::App>::new().render();
    trusted::register_worker();
}

/// In the browser, talc in place of the standard library's dlmalloc: some
/// 3 KB less of the compressed wasm. It grows the memory by as many pages as
/// an allocation lacks, and joins them to the heap's end.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
