//! Where the time of a long native job goes: with `DOICHIEU_TIMES` set in
//! the environment, each step's wall time (and, where the system says it,
//! the processor time of every thread of the process) is printed to
//! standard error as it ends (`doichieu pack` uses it). Nothing is measured
//! in a browser.

/// The steps of one job, each timed from the end of the one before.
pub struct Spans {
    #[cfg(not(target_arch = "wasm32"))]
    last: Option<(std::time::Instant, Option<f64>)>,
}

impl Spans {
    /// Spans that print only when `DOICHIEU_TIMES` is set.
    pub fn start() -> Self {
        Spans {
            #[cfg(not(target_arch = "wasm32"))]
            last: std::env::var_os("DOICHIEU_TIMES")
                .map(|_| (std::time::Instant::now(), processor_seconds())),
        }
    }

    /// Ends the step named `what`.
    pub fn end(&mut self, what: &str) {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some((wall, cpu)) = self.last.as_mut() {
            let now = std::time::Instant::now();
            let cpu_now = processor_seconds();
            let used = match (*cpu, cpu_now) {
                (Some(a), Some(b)) => format!(", processor {:.2} s", b - a),
                _ => String::new(),
            };
            eprintln!("time: {what}: {:.3} s{used}", (now - *wall).as_secs_f64());
            *wall = now;
            *cpu = cpu_now;
        }
        #[cfg(target_arch = "wasm32")]
        let _ = what;
    }
}

/// User and system time of the whole process so far, from Linux's
/// `/proc/self/stat` (in ticks of a hundredth of a second); none elsewhere.
#[cfg(not(target_arch = "wasm32"))]
fn processor_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which is in brackets).
    let rest = &stat[stat.rfind(')')? + 2..];
    let mut fields = rest.split(' ');
    let user: f64 = fields.nth(11)?.parse().ok()?;
    let system: f64 = fields.next()?.parse().ok()?;
    Some((user + system) / 100.0)
}
