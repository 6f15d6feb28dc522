import BinanceAPI
import Foundation
import Testing

@testable import Script

/// A host that holds each cancel until `gather` operations are in flight at once (or a timeout
/// passes), so a test can tell a parallel loop from a sequential one without timing, and records
/// each operation's order id with its ``RequestOrigin``.
final class GatheringHost: OperationHost, @unchecked Sendable {
    private let lock = NSLock()
    private var inFlight = 0
    private(set) var mostInFlight = 0
    private var seen: [(id: Int64, origin: String?)] = []
    let gather: Int
    let limit: Int?
    let failing: Set<Int64>

    init(gather: Int, limit: Int? = nil, failing: Set<Int64> = []) {
        self.gather = gather
        self.limit = limit
        self.failing = failing
    }

    var maximumConcurrency: Int? { limit }

    var operations: [(id: Int64, origin: String?)] { lock.withLock { seen } }
    var peak: Int { lock.withLock { mostInFlight } }

    func perform<Operation: ExchangeOperation>(_ operation: Operation) async throws(ClientError) -> OperationReply {
        let request = try signedForTest(operation)
        let id = (operation as? CancelMarginOrder)?.orderId ?? 0
        lock.withLock {
            inFlight += 1
            mostInFlight = max(mostInFlight, inFlight)
            seen.append((id, RequestOrigin.current))
        }
        // Wait (up to 3 s) until `gather` are in flight together; later ones (the tail of the
        // loop) find fewer and time out quickly once the others have left.
        let deadline = ContinuousClock.now + .seconds(3)
        while lock.withLock({ mostInFlight < gather }) && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(2))
        }
        // Finish in an order unlike the start order, so output ordering is really tested.
        try? await Task.sleep(for: .milliseconds(Int64((id * 7) % 5)))
        lock.withLock { inFlight -= 1 }
        if failing.contains(id) {
            throw .exchange(ExchangeError(code: -2011, message: "Unknown order sent.", httpStatus: 400), request)
        }
        let json = try! JSONValue.parse(Array(#"{"orderId":\#(id),"status":"CANCELED"}"#.utf8))
        return OperationReply(value: Value(json: json), request: request, response: json, isDryRun: false, baseURL: "http://test")
    }
}

@Suite struct ParallelLoopTests {
    @Test func keepsWidthIterationsInFlightAndPrintsInOrder() async {
        let host = GatheringHost(gather: 8)
        let harness = Harness(host: host)
        let outcome = await harness.run(
            """
            parallel 8 for id in 1..40 {
              let r = cancel LTCBTC id=$id
              print $id $r.status
            }
            """)
        #expect(outcome.status == .completed, "\(outcome.diagnostics.map(\.rendered))")
        #expect(host.peak == 8)
        #expect(harness.output.printed == (1...40).map { "\($0) CANCELED" })
        #expect(outcome.requestsPerformed == 40)
        #expect(outcome.statementsRun == 1 + 40 * 2)
        // Replies too are shown in iteration order.
        #expect(harness.output.requests.map(\.query.utf8.count).count == 40)
        #expect(
            harness.output.requests.compactMap { $0.query.split(separator: "&").first { $0.hasPrefix("orderId=") } }
                == (1...40).map { "orderId=\($0)"[...] })
    }

    @Test func eachIterationsRequestsCarryTheirOrigin() async {
        let host = GatheringHost(gather: 4)
        let harness = Harness(host: host)
        let outcome = await harness.run(
            "print \"start\"\nparallel 4 for id in [5, 6, 7, 8] { cancel LTCBTC id=$id }\ncancel LTCBTC id=9")
        #expect(outcome.status == .completed)
        let origins = Dictionary(uniqueKeysWithValues: host.operations.map { ($0.id, $0.origin) })
        #expect(origins[5] == "2:1#1")
        #expect(origins[8] == "2:1#4")
        #expect(origins[9] == .some(nil))
    }

    @Test func nestedLoopsChainOrigins() async {
        let host = GatheringHost(gather: 1)
        let harness = Harness(host: host)
        let outcome = await harness.run(
            "parallel 2 for a in 1..2 {\n  parallel 2 for b in [10, 20] { cancel LTCBTC id=\"${a}${b}\" }\n}")
        #expect(outcome.status == .completed, "\(outcome.diagnostics.map(\.rendered))")
        let origins = Dictionary(uniqueKeysWithValues: host.operations.map { ($0.id, $0.origin) })
        #expect(origins[220] == "1:1#2/2:3#2")
        #expect(origins[110] == "1:1#1/2:3#1")
    }

    @Test func hostLimitRunsOneAtATimeWithTheSameResults() async {
        let host = GatheringHost(gather: 1, limit: 1)
        let harness = Harness(host: host)
        let outcome = await harness.run("parallel 8 for id in 1..10 { let r = cancel LTCBTC id=$id\nprint $r.orderId }")
        #expect(outcome.status == .completed)
        #expect(host.peak == 1)
        #expect(host.operations.map(\.id) == Array(1...10))
        #expect(harness.output.printed == (1...10).map { "\($0)" })
    }

    @Test func aSlowIterationHoldsBackAtMostFourWidthsOfLaterOnes() async {
        let host = SlowFirstHost()
        let harness = Harness(host: host)
        let outcome = await harness.run("parallel 2 for id in 1..500 { let r = cancel LTCBTC id=$id\nprint $r.orderId }")
        #expect(outcome.status == .completed)
        #expect(harness.output.printed == (1...500).map { "\($0)" })
        // While order 1 was on the wire, iterations went on only up to 4 × 2 past it.
        #expect(host.startedWhileFirstWasOut <= 1 + 4 * 2, "\(host.startedWhileFirstWasOut) started")
        #expect(host.startedWhileFirstWasOut >= 2)
    }

    @Test func iterationsHaveTheirOwnVariables() async {
        let harness = Harness(host: GatheringHost(gather: 1))
        let outcome = await harness.run(
            """
            let x = "before"
            parallel 3 for id in 1..6 {
              print $x
              let x = $id
            }
            print $x $id
            """)
        #expect(outcome.status == .completed, "\(outcome.diagnostics.map(\.rendered))")
        #expect(harness.output.printed == Array(repeating: "before", count: 6) + ["before 6"])
    }

    @Test func namesDefinedInTheBodyAreNotDefinedAfterIt() {
        let harness = Harness()
        let text = harness.checkText("parallel 2 for id in 1..2 { let y = $id }\nprint $y $id")
        #expect(text.contains("undefined variable '$y'"))
        #expect(!text.contains("'$id'"))
    }

    @Test func anUncaughtErrorStopsStartingIterationsShowsWhatRanAndFails() async {
        let host = GatheringHost(gather: 1, failing: [3])
        let harness = Harness(host: host)
        let outcome = await harness.run("parallel 2 for id in 1..200 { let r = cancel LTCBTC id=$id\nprint $r.orderId }")
        #expect(outcome.failure != nil)
        #expect(outcome.isRuntimeStop)
        #expect(outcome.diagnostics.first?.message.contains("-2011") == true)
        #expect(harness.output.printed.prefix(2) == ["1", "2"])
        #expect(!harness.output.printed.contains("3"))
        // Only iterations already running when 3 failed went on: far fewer than 200.
        #expect(host.operations.count < 10)
        // Every iteration that ran shows its output, in order.
        let shown = harness.output.printed.compactMap { Int64($0) }
        #expect(shown == shown.sorted())
    }

    @Test func tryInsideTheBodyCatchesPerIteration() async {
        let host = GatheringHost(gather: 2, failing: [2, 4])
        let harness = Harness(host: host)
        let outcome = await harness.run(
            "parallel 2 for id in 1..5 {\n  try { cancel LTCBTC id=$id\nprint \"ok\" $id } on error e { print \"failed\" $id $e.code }\n}"
        )
        #expect(outcome.status == .completed)
        #expect(harness.output.printed == ["ok 1", "failed 2 -2011", "ok 3", "failed 4 -2011", "ok 5"])
    }

    @Test func interruptStopsStartingIterations() async {
        let flag = InterruptFlag()
        let host = ScriptedHost(interruptAfter: (3, flag))
        let harness = Harness(host: host, interrupt: flag)
        let outcome = await harness.run("parallel 2 for id in 1..1000 { cancel LTCBTC id=$id }")
        #expect(outcome.status == .interrupted)
        #expect(outcome.isRuntimeStop)
        #expect(host.performed.count < 10)
    }

    @Test func widthMustBeOneToSixtyFour() async {
        for (width, message) in [
            ("0", "parallel runs 1 to 64 iterations at once, not 0"),
            ("65", "parallel runs 1 to 64 iterations at once, not 65"),
            ("\"many\"", "the parallel width")
        ] {
            let host = GatheringHost(gather: 1)
            let harness = Harness(host: host)
            let outcome = await harness.run("parallel \(width) for id in 1..3 { cancel LTCBTC id=$id }")
            #expect(outcome.failure != nil)
            #expect(outcome.diagnostics.first?.message.contains(message) == true, "\(outcome.diagnostics.map(\.message))")
            #expect(host.operations.isEmpty)
        }
    }

    @Test func parseErrorsSayWhatParallelNeeds() {
        let harness = Harness()
        #expect(
            harness.checkText("parallel for id in 1..3 { print $id }").contains(
                "expected how many iterations may run at once after 'parallel'"))
        #expect(harness.checkText("parallel 4 id in 1..3 { print $id }").contains("expected 'for' after 'parallel'"))
        #expect(harness.checkText("let parallel = 3").contains("'parallel' is a keyword"))
    }

    @Test func cannotLoopOverAScalar() async {
        let harness = Harness(host: GatheringHost(gather: 1))
        let outcome = await harness.run("parallel 2 for x in 5 { print $x }")
        #expect(outcome.diagnostics.first?.message == "cannot loop over integer '5'")
    }

    @Test func dryRunPrintsTheSameRequestsAsASequentialLoop() async {
        let sequential = Harness()
        _ = await sequential.run("for id in 1..30 { cancel LTCBTC id=$id }")
        let parallel = Harness()
        _ = await parallel.run("parallel 6 for id in 1..30 { cancel LTCBTC id=$id }")
        #expect(parallel.output.requests.map(\.query) == sequential.output.requests.map(\.query))
        #expect(parallel.output.requests.count == 30)
    }
}

/// Holds order 1 for 300 ms and answers every other order at once; counts how many operations
/// had started by the time order 1 was answered.
final class SlowFirstHost: OperationHost, @unchecked Sendable {
    private let lock = NSLock()
    private var started = 0
    private var countWhenFirstReturned = 0

    var startedWhileFirstWasOut: Int { lock.withLock { countWhenFirstReturned } }

    func perform<Operation: ExchangeOperation>(_ operation: Operation) async throws(ClientError) -> OperationReply {
        let request = try signedForTest(operation)
        let id = (operation as? CancelMarginOrder)?.orderId ?? 0
        lock.withLock { started += 1 }
        if id == 1 {
            try? await Task.sleep(for: .milliseconds(300))
            lock.withLock { countWhenFirstReturned = started }
        } else {
            await Task.yield()
        }
        let json = try! JSONValue.parse(Array(#"{"orderId":\#(id)}"#.utf8))
        return OperationReply(value: Value(json: json), request: request, response: json, isDryRun: false, baseURL: "http://test")
    }
}
