//! The viewer's binary: the page's entry point, and `mount_viewer` for the
//! `<briefing-viewer>` element.

mod element;

fn main() {
    briefing::viewer::start();
}
