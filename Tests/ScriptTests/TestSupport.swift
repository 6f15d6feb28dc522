import BinanceAPI
import Foundation

@testable import Script

/// Collects a script's output for assertions.
final class CollectingOutput: ScriptOutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [ScriptOutput] = []

    func emit(_ output: ScriptOutput) {
        lock.lock()
        collected.append(output)
        lock.unlock()
    }

    var outputs: [ScriptOutput] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }

    /// The `print` lines.
    var printed: [String] {
        outputs.compactMap { if case .printed(let line) = $0 { return line } else { return nil } }
    }

    /// The requests performed, in order.
    var requests: [PreparedRequest] {
        outputs.compactMap { if case .reply(let reply, _, _, _) = $0 { return reply.request } else { return nil } }
    }
}

/// Records statement events.
final class CollectingEvents: ScriptEventSink, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [StatementEvent] = []

    func statementWillRun(_ event: StatementEvent) {
        lock.lock()
        collected.append(event)
        lock.unlock()
    }

    var events: [StatementEvent] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}

/// `operation` prepared and signed with the demo key at the documented example timestamp, as a
/// test host's `perform` needs it (a validation failure is the `.request` error a host throws).
func signedForTest<Operation: ExchangeOperation>(_ operation: Operation) throws(ClientError) -> PreparedRequest {
    do {
        return try RequestBuilder(credentials: DemoCredentials.hmac).prepare(operation, timestamp: 1_499_827_319_559)
    } catch {
        throw .request(error)
    }
}

/// A host that answers like the exchange would: a canceled order, or the exchange error the
/// test chooses for given order ids. Optionally raises an interrupt after N operations.
final class ScriptedHost: OperationHost, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var operations: [CancelMarginOrder] = []
    let failures: [Int64: ExchangeError]
    let interruptAfter: (Int, InterruptFlag)?

    init(failures: [Int64: ExchangeError] = [:], interruptAfter: (Int, InterruptFlag)? = nil) {
        self.failures = failures
        self.interruptAfter = interruptAfter
    }

    var performed: [CancelMarginOrder] {
        lock.lock()
        defer { lock.unlock() }
        return operations
    }

    func perform<Operation: ExchangeOperation>(_ operation: Operation) async throws(ClientError) -> OperationReply {
        let request = try signedForTest(operation)
        guard let cancel = operation as? CancelMarginOrder else {
            throw .decoding(ResponseDecodingError(field: "", reason: "not a cancel"), request)
        }
        let count = lock.withLock {
            operations.append(cancel)
            return operations.count
        }
        if let (limit, flag) = interruptAfter, count >= limit { flag.raise() }
        if let orderId = cancel.orderId, let failure = failures[orderId] {
            throw .exchange(failure, request)
        }
        let body = """
            {"symbol":"\(cancel.symbol)","isIsolated":\(cancel.isIsolated),"orderId":"\(cancel.orderId ?? 7)",\
            "origClientOrderId":"\(cancel.origClientOrderId ?? "abc")","clientOrderId":"undo-1","price":"0.01000000",\
            "origQty":"2.00","executedQty":"0.50000000","cummulativeQuoteQty":"0.005","status":"CANCELED",\
            "timeInForce":"GTC","type":"LIMIT","side":"SELL"}
            """
        let json = try! JSONValue.parse(Array(body.utf8))
        return OperationReply(value: Value(json: json), request: request, response: json, isDryRun: false, baseURL: "http://test")
    }
}

/// A session over a host, with collecting output and events.
struct Harness {
    let output = CollectingOutput()
    let events = CollectingEvents()
    let session: ScriptSession

    init(
        host: any OperationHost = DryRunHost(
            credentials: DemoCredentials.hmac, clock: ExchangeClock(fixed: 1_499_827_319_559),
            baseURL: "https://api.binance.com"),
        interrupt: InterruptFlag = InterruptFlag(), limits: ExecutionLimits = .unlimited,
        variables: [String: Value] = [:]
    ) {
        session = ScriptSession(
            host: host, output: output, events: events, interrupt: interrupt, limits: limits, variables: variables)
    }

    /// Runs `text` as file `t.bnc`.
    func run(_ text: String) async -> RunOutcome {
        await session.run(text, file: "t.bnc")
    }

    /// All diagnostics of checking `text`, rendered and joined by blank lines.
    func checkText(_ text: String) -> String {
        session.check(text, file: "t.bnc").map(\.rendered).joined(separator: "\n\n")
    }
}
