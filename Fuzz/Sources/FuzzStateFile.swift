import BinanceAPI
import BinanceSimulator

/// The reader of `bnc sim --state FILE` (``ExchangeState/init(stateJSON:configuration:)``, what
/// ``SimulatorStateFile/load(configuration:)`` calls with the file's bytes).
///
/// Invariants: a refusal is bounded (at most ``maximumMessageBytes``: it is printed with the
/// file's name, and a 1 MB key must not make a 1 MB message); an accepted state, written
/// again (``ExchangeState/stateJSON()``), loads and writes the same bytes; after one step of
/// the market (every priced symbol moves, crossed orders fill) what it writes still loads —
/// what `bnc sim` writes, `bnc sim` reads back.
enum FuzzStateFile {
    static let maximumMessageBytes = 1_024

    static func run(_ bytes: UnsafeRawBufferPointer) throws(FuzzViolation) {
        let configuration = SimulatorConfiguration()
        let state: ExchangeState
        do {
            state = try ExchangeState(stateJSON: Array(bytes), configuration: configuration)
        } catch {
            let message = error.message
            try require(
                message.utf8.count <= maximumMessageBytes, "a refusal of \(message.utf8.count) bytes: \(shown(message))")
            return
        }
        let written = state.stateJSON()
        let again = try load(written, "the state it wrote")
        let rewritten = again.stateJSON()
        try require(written == rewritten, "written twice, the state differs: \(difference(written, rewritten))")
        var moved = again
        _ = moved.step(1, at: ExchangeSeed.demoEpoch + 1_000)
        _ = try load(moved.stateJSON(), "the state after a market step")
    }

    /// Where two texts part: 100 bytes before the first difference and 100 after, of each.
    static func difference(_ first: String, _ second: String) -> String {
        let one = Array(first.utf8)
        let two = Array(second.utf8)
        let start = zip(one, two).prefix { $0 == $1 }.count
        let piece = { (bytes: [UInt8]) in
            shown(String(decoding: bytes[max(0, start - 100)..<min(bytes.count, start + 100)], as: UTF8.self))
        }
        return "at byte \(start): \(piece(one)) vs \(piece(two))"
    }

    static func load(_ text: String, _ what: String) throws(FuzzViolation) -> ExchangeState {
        do {
            return try ExchangeState(stateJSON: Array(text.utf8), configuration: SimulatorConfiguration())
        } catch {
            throw FuzzViolation("\(what) does not load: \(error.message): \(shown(text))")
        }
    }
}
