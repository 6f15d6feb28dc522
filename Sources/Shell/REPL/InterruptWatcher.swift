import CEditlineShim
import Script

/// Turns Ctrl-C while statements run into a raised `InterruptFlag`. The SIGINT handler (in the C
/// shim) only bumps an atomic counter, which is all a handler may safely do; this task watches
/// the counter and raises the flag, and the interpreter stops before its next statement.
struct InterruptWatcher {
    private let task: Task<Void, Never>

    /// Starts watching for SIGINTs that arrive from now on.
    init(raising flag: InterruptFlag) {
        let baseline = bnc_sigint_count()
        task = Task.detached {
            while !Task.isCancelled {
                if bnc_sigint_count() != baseline {
                    flag.raise()
                    return
                }
                try? await Task.sleep(nanoseconds: 20_000_000)
            }
        }
    }

    /// Stops watching (the statements finished).
    func stop() {
        task.cancel()
    }
}
