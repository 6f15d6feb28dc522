import BinanceAPI
import BinanceSimulator

extension SimCommand {
    /// The exchange to serve, with the writer of `--state` and a line saying where its state came
    /// from. An existing state file wins: `--seed-file` and `--bulk` only make a new one (and are
    /// not even read when the file exists). A state file that does not load is a usage error and
    /// is left as it was; a new one is written before the server starts, so a path that cannot
    /// be written stops `bnc sim` with nothing started. The file's lock is held by the writer: a
    /// second `bnc sim` on the same file is a usage error too.
    func makeExchange(
        _ configuration: SimulatorConfiguration
    ) throws(Termination) -> (Exchange, SimulatorStateWriter?, note: String?) {
        guard let state else { return (try Self.exchange(configuration, seed: makeSeedForState()), nil, nil) }
        let file = SimulatorStateFile(path: state)
        let exchange: Exchange
        var note: String
        let loaded: ExchangeState?
        let lock: SimulatorStateLock
        do {
            // Before reading: a second bnc sim on the same file stops here, with nothing read.
            lock = try SimulatorStateLock(stateFile: state)
            loaded = try file.load(configuration: configuration)
        } catch {
            throw .usage(SimCommandError(error.message))
        }
        if let loaded {
            exchange = Exchange(state: loaded)
            note = "state: \(state) (loaded"
            if seedFile != nil || !bulk.isEmpty {
                note += "; --seed-file and --bulk are ignored: an existing state file wins, remove it to start from them"
            }
            note += ")"
        } else {
            exchange = try Self.exchange(configuration, seed: makeSeedForState())
            note = "state: \(state) (new, from \(seedFile.map { "seed file \($0)" } ?? "the demo seed"))"
        }
        let writer = SimulatorStateWriter(file: file, lock: lock, exchange: exchange) { line in Console.write(fd: 2, line + "\n")
        }
        // Written at once: the file exists from the start, and a path that cannot be written is
        // found before anything is served.
        guard writer.flush() else { throw .usage(SimCommandError("--state \(state): cannot be written (see above)")) }
        exchange.observeChanges { writer.noteChange() }
        return (exchange, writer, note)
    }

    private func makeSeedForState() throws(Termination) -> ExchangeSeed {
        do {
            return try makeSeed()
        } catch {
            throw .usage(error)
        }
    }

    private static func exchange(
        _ configuration: SimulatorConfiguration, seed: ExchangeSeed
    ) throws(Termination) -> Exchange {
        do {
            return try Exchange(configuration: configuration, seed: seed)
        } catch {
            throw .usage(error)
        }
    }
}
