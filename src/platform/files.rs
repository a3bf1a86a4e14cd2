//! Reading the files chosen in an `<input type="file">` into memory (`Blob.arrayBuffer()`).

use portal_core::abuse::{should_read, EvidenceFile};
use portal_core::config::Limits;
use wasm_bindgen_futures::JsFuture;

/// Every chosen file as evidence, in the order chosen. A file over the size cap is not read
/// (validation refuses it by name and size); one that cannot be read is left out.
pub async fn read_chosen(input: &web_sys::HtmlInputElement, limits: &Limits) -> Vec<EvidenceFile> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for index in 0..list.length() {
        let Some(file) = list.get(index) else { continue };
        let size = file.size() as u64;
        if !should_read(size, limits) {
            files.push(EvidenceFile::unread(&file.name(), &file.type_(), size));
            continue;
        }
        if let Some(bytes) = read_bytes(&file).await {
            files.push(EvidenceFile::new(&file.name(), &file.type_(), &bytes));
        }
    }
    files
}

pub async fn read_bytes(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
