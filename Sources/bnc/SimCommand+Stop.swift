import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGINT and SIGTERM for `bnc sim`, caught from before the server starts until it stops.
///
/// A Dispatch signal source is registered with the kernel asynchronously, after `resume()`
/// returns, while the signal is already set to be ignored (so that it does not kill the
/// process): a signal in between was lost. `install()` returns only once both sources are
/// registered, and `bnc sim` installs them before it prints that it listens.
struct StopSignals {
    private let stream: AsyncStream<String>
    private let continuation: AsyncStream<String>.Continuation
    private let sources: [any DispatchSourceSignal]

    /// Catches SIGINT and SIGTERM; returns once the kernel delivers them to the sources (or
    /// after 2 s).
    static func install() async -> StopSignals {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let (registered, registration) = AsyncStream.makeStream(of: Void.self)
        var sources: [any DispatchSourceSignal] = []
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(name) }
            source.setRegistrationHandler { registration.yield() }
            source.resume()
            sources.append(source)
        }
        // At most 2 s: a registration that never comes must not keep the simulator from
        // starting (the signals are then caught once it does come, as before).
        let timeout = Task {
            try? await Task.sleep(for: .seconds(2))
            registration.finish()
        }
        var count = 0
        for await _ in registered {
            count += 1
            if count == sources.count { break }
        }
        timeout.cancel()
        return StopSignals(stream: stream, continuation: continuation, sources: sources)
    }

    /// Waits for SIGINT, SIGTERM or the end of `duration`; returns which, and stops catching.
    func wait(duration: Double?) async -> String {
        var timer: Task<Void, Never>?
        if let duration {
            timer = Task { [continuation] in
                try? await Task.sleep(for: .milliseconds(Int64(duration * 1000)))
                continuation.yield("--duration \(duration) s elapsed")
            }
        }
        var iterator = stream.makeAsyncIterator()
        let reason = await iterator.next() ?? "stopped"
        timer?.cancel()
        for source in sources { source.cancel() }
        return reason
    }
}
