import ArgumentParser
import BinanceAPI
import BinanceSimulator
import Dispatch
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `bnc sim`: the exchange simulator as an HTTP server on 127.0.0.1, for bnc, curl or any client.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run the exchange simulator as an HTTP server on 127.0.0.1.",
        discussion: """
            Serves the margin order endpoints with the exchange's checks (API key, signature over the raw \
            query, timestamp/recvWindow, parameters, request weight) and its error codes, over seeded demo \
            orders. Prints its address and the demo keys (public documentation keys that work only here), \
            then logs one line per request with its verdict to standard error. Stops on SIGINT/SIGTERM or \
            after --duration. See docs/simulator.md.
            Exit codes: 0 stopped, 1 could not listen, 2 bad options or seed file.
            """
    )

    @Option(help: ArgumentHelp("Port on 127.0.0.1 (0 picks a free one).", valueName: "port"))
    var port: Int = 0

    @Option(
        name: .customLong("weight-limit"), help: ArgumentHelp("/sapi request-weight limit per window and IP.", valueName: "n"))
    var weightLimit: Int = 12_000

    @Option(name: .customLong("weight-window-ms"), help: ArgumentHelp("Weight window length in ms.", valueName: "ms"))
    var weightWindowMs: Int64 = 60_000

    @Option(
        name: .customLong("ban-after"),
        help: ArgumentHelp("Requests sent during a 429's Retry-After before a 418 ban.", valueName: "n"))
    var banAfter: Int = 3

    @Option(name: .customLong("ban-ms"), help: ArgumentHelp("First 418 ban length in ms (doubles per repeat).", valueName: "ms"))
    var banMs: Int64 = 120_000

    @Option(
        name: .customLong("fail-rate"), help: ArgumentHelp("Share of signed requests answered 5XX (0-1).", valueName: "share"))
    var failRate: Double = 0

    @Option(
        name: .customLong("after-effect"),
        help: ArgumentHelp("Share of cancel 5XXs sent after the cancel took effect (0-1).", valueName: "share"))
    var afterEffect: Double = 0.5

    @Option(
        name: .customLong("drop-rate"),
        help: ArgumentHelp("Share of signed requests whose connection is closed unanswered (0-1).", valueName: "share"))
    var dropRate: Double = 0

    @Option(
        name: .customLong("waf-rate"),
        help: ArgumentHelp(
            "Share of signed requests blocked by the WAF with HTTP 403, before any effect (0-1).", valueName: "share"))
    var wafRate: Double = 0

    @Option(name: .customLong("latency-ms"), help: ArgumentHelp("Latency added to every response.", valueName: "ms"))
    var latencyMs: Int = 0

    @Option(name: .customLong("jitter-ms"), help: ArgumentHelp("Up to this much more latency per response.", valueName: "ms"))
    var jitterMs: Int = 0

    @Option(name: .customLong("skew-ms"), help: ArgumentHelp("Server clock offset from this machine's clock.", valueName: "ms"))
    var skewMs: Int64 = 0

    @Option(help: ArgumentHelp("Seed of the fault generator (same seed, same faults).", valueName: "n"))
    var seed: UInt64 = 1

    @Option(
        name: .customLong("seed-file"),
        help: ArgumentHelp("JSON file with accounts and orders (see docs/simulator.md).", valueName: "file"))
    var seedFile: String?

    @Option(
        name: .customLong("bulk"),
        help: ArgumentHelp("Add N open orders: SYMBOL=N or SYMBOL:isolated=N (repeatable).", valueName: "spec"))
    var bulk: [String] = []

    @Option(
        name: .customLong("delete-body"),
        help: ArgumentHelp("DELETE body parameters: ignore (default) or merge.", valueName: "mode"))
    var deleteBody: String = SimulatorConfiguration.BodyParameters.ignored.rawValue

    @Option(
        name: .customLong("key-permissions"),
        help: ArgumentHelp(
            "What every key may not do: no-reading, no-trading, no-margin, ip-restricted, not-whitelisted (comma-separated).",
            valueName: "list"))
    var keyPermissions: String = ""

    @Option(help: ArgumentHelp("Stop by itself after this many seconds.", valueName: "seconds"))
    var duration: Double?

    @Option(
        name: .customLong("write-demo-keys"),
        help: ArgumentHelp("Write the demo Ed25519/RSA key PEMs into DIR first.", valueName: "dir"))
    var writeDemoKeys: String?

    @Option(
        name: .customLong("tls-cert"),
        help: ArgumentHelp("Serve https with this PEM certificate chain (needs --tls-key).", valueName: "file"))
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "file"))
    var tlsKey: String?

    @Option(
        name: .customLong("walk"),
        help: ArgumentHelp("Each market step moves every price by a random walk of up to BPS basis points.", valueName: "bps"))
    var walk: Int = 0

    @Option(
        name: .customLong("walk-interval-ms"),
        help: ArgumentHelp("Step the market by itself every MS milliseconds (needs --walk).", valueName: "ms"))
    var walkIntervalMs: Int?

    @Option(
        name: .customLong("state"),
        help: ArgumentHelp(
            "Keep the books, keys, prices and balances in FILE across restarts (an existing file wins over --seed-file).",
            valueName: "file"))
    var state: String?

    @Flag(help: "Do not log requests.")
    var quiet = false

    func run() async throws {
        try await Termination.reporting(format: .text) { () async throws(Termination) in try await serve() }
    }

    /// Starts the server and serves until stopped. Bad options or seed are a usage error (2,
    /// nothing started); a port it cannot listen on is a runtime error (1).
    private func serve() async throws(Termination) {
        let configuration: SimulatorConfiguration
        let tls: SimulatorTLS?
        do {
            configuration = try makeConfiguration()
            if let writeDemoKeys { try Self.writeKeys(into: writeDemoKeys) }
            tls = try makeTLS()
        } catch {
            throw .usage(error)
        }
        // Before anything is served or printed: whoever starts bnc sim and stops it as soon as
        // it says it listens must not find the signal ignored and lost (it then ran to its
        // --duration) or not yet caught (it then died of the signal, with no stop line).
        let stopSignals = await StopSignals.install()
        let (exchange, stateWriter, stateNote) = try makeExchange(configuration)
        exchange.withState { $0.market.walkBasisPoints = walk }
        let counter = RequestCounter()
        let log: @Sendable (String) -> Void = { [quiet] line in
            counter.increment()
            if !quiet { Console.write(fd: 2, "\(Self.clock()) \(line)\n") }
        }
        let server: SimulatorServer
        do {
            server = try await SimulatorServer.start(exchange: exchange, port: port, tls: tls, log: log)
        } catch {
            throw .runtime(error.message, hint: "is the port already in use? --port 0 picks a free one")
        }
        Console.out(banner(server: server, exchange: exchange))
        if let stateNote { Console.out(stateNote) }
        let walker = walkIntervalMs.map { Self.startWalk(exchange: exchange, intervalMilliseconds: $0) }
        let reason = await stopSignals.wait(duration: duration)
        walker?.cancel()
        await server.stop()
        stateWriter?.flush()
        Console.out("bnc sim: stopped (\(reason)) after \(counter.value) requests")
    }

    /// The address and demo credentials, printed at start. The HMAC secret is the exchange
    /// documentation's public example, printed on purpose: it is a demo key.
    func banner(server: SimulatorServer, exchange: Exchange) -> String {
        let open = exchange.withState { state in
            state.openOrders(isolated: false).count + state.openOrders(isolated: true).count
        }
        var faults: [String] = []
        if failRate > 0 { faults.append("fail-rate \(failRate) (after effect \(afterEffect))") }
        if dropRate > 0 { faults.append("drop-rate \(dropRate)") }
        if wafRate > 0 { faults.append("waf-rate \(wafRate)") }
        if latencyMs > 0 || jitterMs > 0 { faults.append("latency \(latencyMs)+\(jitterMs) ms") }
        if skewMs != 0 { faults.append("clock skew \(skewMs) ms") }
        let permissions = exchange.withState { $0.configuration.keyPermissions.summary }
        if permissions != KeyPermissions().summary { faults.append("key permissions \(permissions)") }
        let walkLine =
            walk == 0 ? "" : "\nprice walk: up to \(walk) bps \(walkIntervalMs.map { "every \($0) ms" } ?? "per sim step")"
        return """
            bnc sim: listening on \(server.baseURL)
            endpoint: \(server.baseURL)
            demo keys (the exchange documentation's public example key and bnc's demo key pairs; they work only here):
              HMAC     api key \(SimulatorDemoKeys.hmacAPIKey)
                       secret  \(SimulatorDemoKeys.hmacSecret)
              Ed25519  api key \(SimulatorDemoKeys.ed25519APIKey)  (private key: --write-demo-keys DIR)
              RSA      api key \(SimulatorDemoKeys.rsaAPIKey)  (private key: --write-demo-keys DIR)
            open orders: \(open) on the demo account
            weight: \(weightLimit) per \(weightWindowMs) ms per IP; faults: \(faults.isEmpty ? "none" : faults.joined(separator: ", ")) (seed \(seed))\(walkLine)
            """
    }

    func makeConfiguration() throws(SimCommandError) -> SimulatorConfiguration {
        guard (0...65_535).contains(port) else { throw .init("--port must be 0-65535") }
        guard weightLimit > 0 else { throw .init("--weight-limit must be positive") }
        guard weightWindowMs > 0 else { throw .init("--weight-window-ms must be positive") }
        guard banAfter > 0, banMs > 0 else { throw .init("--ban-after and --ban-ms must be positive") }
        for (name, share) in [
            ("--fail-rate", failRate), ("--after-effect", afterEffect), ("--drop-rate", dropRate), ("--waf-rate", wafRate)
        ]
        where !(0...1).contains(share) {
            throw .init("\(name) must be between 0 and 1")
        }
        guard latencyMs >= 0, jitterMs >= 0 else { throw .init("--latency-ms and --jitter-ms must not be negative") }
        let maximumLatency = FaultPlan.maximumLatencyMilliseconds
        guard latencyMs <= maximumLatency, jitterMs <= maximumLatency else {
            throw .init("--latency-ms and --jitter-ms must be at most \(maximumLatency) (one hour)")
        }
        guard weightWindowMs <= 86_400_000 else { throw .init("--weight-window-ms must be at most 86400000 (one day)") }
        guard banMs <= 259_200_000 else {
            throw .init("--ban-ms must be at most 259200000 (three days, the exchange's longest ban)")
        }
        guard skewMs.magnitude <= 31_536_000_000 else { throw .init("--skew-ms must be within ±31536000000 (one year)") }
        if let duration, !(duration > 0 && duration <= 31_536_000) {
            throw .init("--duration must be a positive number of seconds, at most 31536000 (one year)")
        }
        guard (0...10_000).contains(walk) else { throw .init("--walk must be 0-10000 basis points") }
        if let walkIntervalMs {
            guard walk > 0 else { throw .init("--walk-interval-ms needs --walk BPS (a walk of 0 moves nothing)") }
            guard (10...86_400_000).contains(walkIntervalMs) else {
                throw .init("--walk-interval-ms must be 10-86400000 (a day)")
            }
        }
        guard let body = SimulatorConfiguration.BodyParameters(rawValue: deleteBody) else {
            throw .init("--delete-body must be ignore or merge, not '\(deleteBody)'")
        }
        var configuration = SimulatorConfiguration()
        configuration.sapiWeightLimit = weightLimit
        configuration.weightWindowMilliseconds = weightWindowMs
        configuration.strikesBeforeBan = banAfter
        configuration.banMilliseconds = banMs
        configuration.clockSkewMilliseconds = skewMs
        configuration.deleteBody = body
        do {
            configuration.keyPermissions = try KeyPermissions(list: keyPermissions)
        } catch {
            throw .init(error.message)
        }
        configuration.faults = FaultPlan(
            serverErrorRate: failRate, afterEffectShare: afterEffect, dropRate: dropRate, latencyMilliseconds: latencyMs,
            latencyJitterMilliseconds: jitterMs, seed: seed)
        configuration.faults.wafBlockRate = wafRate
        return configuration
    }

    /// The TLS identity of `--tls-cert`/`--tls-key` (both or neither); nil for plain http.
    func makeTLS() throws(SimCommandError) -> SimulatorTLS? {
        switch (tlsCert, tlsKey) {
        case (nil, nil): return nil
        case (let cert?, let key?):
            do {
                return try SimulatorTLS(certificateFile: cert, keyFile: key)
            } catch {
                throw .init(error.message)
            }
        default: throw .init("--tls-cert and --tls-key go together")
        }
    }

    func makeSeed() throws(SimCommandError) -> ExchangeSeed {
        var seed: ExchangeSeed
        if let seedFile {
            do {
                seed = try ExchangeSeed.fromFile(seedFile)
            } catch {
                throw .init(error.message)
            }
        } else {
            seed = .demo
        }
        for spec in bulk { seed.bulk.append(try Self.parseBulk(spec)) }
        return seed
    }

    /// `LTCBTC=2000` or `LTCBTC:isolated=2000`.
    static func parseBulk(_ spec: String) throws(SimCommandError) -> ExchangeSeed.Bulk {
        let parts = spec.split(separator: "=", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[1]), count > 0, count <= 1_000_000 else {
            throw .init("--bulk '\(spec)': expected SYMBOL=N or SYMBOL:isolated=N with N from 1 to 1000000")
        }
        var symbol = String(parts[0])
        var isolated = false
        if symbol.hasSuffix(":isolated") {
            symbol.removeLast(":isolated".count)
            isolated = true
        }
        guard !symbol.isEmpty, !symbol.contains(":") else { throw .init("--bulk '\(spec)': no symbol") }
        return ExchangeSeed.Bulk(symbol: symbol, isolated: isolated, count: count)
    }

    static func writeKeys(into directory: String) throws(SimCommandError) {
        let files = [
            ("sim-ed25519.pem", SimulatorDemoKeys.ed25519PrivateKeyPEM),
            ("sim-ed25519.pub.pem", SimulatorDemoKeys.ed25519PublicKeyPEM),
            ("sim-rsa.pem", SimulatorDemoKeys.rsaPrivateKeyPEM),
            ("sim-rsa.pub.pem", SimulatorDemoKeys.rsaPublicKeyPEM)
        ]
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (name, pem) in files {
                let path = FoundationText.appendingPathComponent(name, to: directory)
                try Data((pem + "\n").utf8).write(to: URL(fileURLWithPath: path))
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            }
        } catch {
            throw .init("--write-demo-keys \(directory): \(FoundationText.errorDescription(error))")
        }
    }

    /// Steps the market every `intervalMilliseconds` until canceled: the timed random walk
    /// (`--walk`, `--walk-interval-ms`), drawn from the seeded generator.
    static func startWalk(exchange: Exchange, intervalMilliseconds: Int) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(intervalMilliseconds))
                if Task.isCancelled { return }
                exchange.withState { _ = $0.step(1, at: ExchangeClock.localMilliseconds()) }
                exchange.noteChange()
            }
        }
    }

    /// `HH:MM:SS.mmm` UTC, for log lines.
    static func clock() -> String {
        let ms = ExchangeClock.localMilliseconds()
        let day = ms % 86_400_000
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(day / 3_600_000, 2)):\(pad(day / 60_000 % 60, 2)):\(pad(day / 1_000 % 60, 2)).\(pad(day % 1_000, 3))"
    }
}

/// A bad `bnc sim` option or seed; nothing was started.
struct SimCommandError: ExplainedError {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Counts judged requests across the server's threads.
final class RequestCounter: Sendable {
    private let count = Mutex(0)

    func increment() {
        count.withLock { $0 += 1 }
    }

    var value: Int {
        count.withLock { $0 }
    }
}
