//! Any query string: deep links and viewer options must read it without panicking,
//! and a link written back must read the same.
#![no_main]

use briefing::link::ViewLink;
use briefing::options::ViewerOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|query: &str| {
    let link = ViewLink::parse(query);
    let written = link.merge_into(query);
    assert_eq!(ViewLink::parse(&written), link);
    let _ = ViewerOptions::from_query(query);
});
