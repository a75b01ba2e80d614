//! The panic hook keeps the message of a panic so the page can show it (the WASM build cannot
//! unwind; here, natively, the panic is caught to look at what the hook kept).

#[test]
fn the_hook_keeps_the_message_and_place() {
    yingji::panic::install();
    yingji::panic::install(); // twice is harmless
    assert_eq!(yingji::panic::last(), None);
    let caught = std::panic::catch_unwind(|| panic!("引擎测试 {}", 42));
    assert!(caught.is_err());
    let last = yingji::panic::last().expect("the hook kept the message");
    assert!(last.starts_with("引擎测试 42 @ "), "{last}");
    assert!(last.contains("panic_hook.rs"), "{last}");
}
