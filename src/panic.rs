//! A panic must never leave a blank page: the hook writes what happened
//! into the page as an alert, and to the console.

use wasm_bindgen::JsCast;

/// Installed through Yew, which would otherwise put its own hook (the
/// console only) in place of this one when the app is rendered.
pub fn install_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.clone().into());
        show(&message);
    }));
}

fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(alert) = document.create_element("div") else {
        return;
    };
    alert.set_class_name("crash");
    let _ = alert.set_attribute("role", "alert");
    alert.set_text_content(Some(&format!(
        "Đối chiếu gặp lỗi và đã dừng. Hãy tải lại trang. / Đối chiếu hit an error and stopped. Please reload the page.\n\n{message}"
    )));
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(alert.unchecked_ref());
    }
}
