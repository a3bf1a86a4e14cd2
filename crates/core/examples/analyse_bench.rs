//! Benchmark figures for the spam analysis, natively: `spam::examine` (the checks, the MIME
//! analysis and the SHA-256, as the spam worker runs them) on one message, several times.
//!
//!   cargo run --release -p portal-core --example analyse_bench -- MESSAGE [RUNS]
//!
//! Run by scripts/bench.sh on the message from scripts/bench/spam-message.mjs.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: analyse_bench MESSAGE [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(5);
    let raw = match std::fs::read(&path) {
        Ok(raw) => raw,
        Err(error) => {
            eprintln!("analyse_bench: {path}: {error}");
            std::process::exit(1);
        }
    };
    let mut millis = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let examined = portal_core::spam::examine(1, &raw, usize::MAX);
        millis.push(started.elapsed().as_secs_f64() * 1000.0);
        if let Some(problem) = examined.problem {
            eprintln!("analyse_bench: {path} is refused: {problem:?}");
            std::process::exit(1);
        }
    }
    millis.sort_by(f64::total_cmp);
    let median = millis[millis.len() / 2];
    let mb = raw.len() as f64 / 1_000_000.0;
    println!(
        "native spam analysis of {mb:.1} MB: median {median:.0} ms (min {:.0}, max {:.0}) over {runs} runs = {:.0} MB/s",
        millis[0],
        millis[millis.len() - 1],
        mb / (median / 1000.0)
    );
}
