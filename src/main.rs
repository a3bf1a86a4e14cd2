//! Entry point of the WebAssembly binary: mounts the portal, nothing else.

fn main() {
    complaint_portal::start();
}
