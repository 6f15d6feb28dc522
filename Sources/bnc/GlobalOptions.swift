import ArgumentParser
import BinanceAPI

/// Options shared by the root command and the subcommands that run statements: the values that
/// set-up reads. ArgumentParser fills them through ``GlobalOptionArguments``; the quick `-c` path
/// (``QuickArguments``) fills them directly, so a start-up that needs no parser builds none of
/// ArgumentParser's property wrappers and name sets (docs/performance.md, "Fourth pass: cold start").
struct GlobalOptions {
    var dryRun = false
    var timestamp: Int64?
    var output: OutputFormat = .text
    var log: String?
    var noLog = false
    var endpoint: String?
    var yes = false
    var caFile: String?

    /// The endpoint chosen, `sim` when none was.
    var endpointChoice: EndpointChoice { endpoint.flatMap(EndpointChoice.init) ?? .sim }
}

/// ``GlobalOptions`` as ArgumentParser declares them (names, help, validation); a command's
/// `@OptionGroup` of these hands on ``values``.
struct GlobalOptionArguments: ParsableArguments {
    @Flag(name: .customLong("dry-run"), help: "Print each request (query, signature, URL) instead of sending it.")
    var dryRun = false

    @Option(
        help: ArgumentHelp("Fix the request clock to MS milliseconds since the epoch (reproducible dry runs).", valueName: "ms"))
    var timestamp: Int64?

    @Option(help: ArgumentHelp("Output format: text or json (one JSON object per line).", valueName: "format"))
    var output: OutputFormat = .text

    @Option(
        help: ArgumentHelp(
            "Write the session log to FILE (default: a new file in $XDG_STATE_HOME/bnc/sessions/).", valueName: "file"))
    var log: String?

    @Flag(name: .customLong("no-log"), help: "Write no session log.")
    var noLog = false

    @Option(
        help: ArgumentHelp(
            "Where requests go: sim (embedded simulator, default), live (https://api.binance.com), testnet (https://testnet.binance.vision, spot only), or a base URL.",
            valueName: "endpoint"))
    var endpoint: String?

    @Flag(help: "Do not ask before sending to the live exchange: statements that cancel more than one live order, replay --live.")
    var yes = false

    @Option(
        name: .customLong("ca-file"),
        help: ArgumentHelp(
            "Trust only the CAs in this PEM bundle for https (instead of the system store; over the profile's caFile and SSL_CERT_FILE).",
            valueName: "file"))
    var caFile: String?

    func validate() throws {
        if let timestamp, timestamp <= 0 {
            throw ValidationError("--timestamp must be a positive number of milliseconds")
        }
        if let endpoint, EndpointChoice(endpoint) == nil {
            throw ValidationError(TransportFactory.endpointProblem("--endpoint", endpoint))
        }
    }

    /// The parsed values.
    var values: GlobalOptions {
        GlobalOptions(
            dryRun: dryRun, timestamp: timestamp, output: output, log: log, noLog: noLog, endpoint: endpoint, yes: yes,
            caFile: caFile)
    }
}

/// How results and dry runs are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// Where requests go.
enum EndpointChoice: Equatable {
    /// The embedded, in-process simulator.
    case sim
    /// The real exchange at https://api.binance.com.
    case live
    /// The exchange's spot testnet at https://testnet.binance.vision: spot only, its own keys,
    /// not live (test funds).
    case testnet
    /// Any base URL (a `bnc sim --port N` server, a proxy).
    case url(String)

    init?(_ text: String) {
        switch text {
        case "sim": self = .sim
        case "live": self = .live
        case "testnet": self = .testnet
        default:
            guard text.hasPrefix("http://") || text.hasPrefix("https://"), text.count > 8,
                LiveEndpoint.problem(with: text) == nil
            else { return nil }
            self = .url(text)
        }
    }

    /// The base URL shown in dry runs and used by the HTTP transport.
    var baseURL: String {
        switch self {
        case .sim: return "http://sim.bnc.invalid"
        case .live: return LiveEndpoint.baseURL
        case .testnet: return LiveEndpoint.spotTestnetURL
        case .url(let url): return url.hasSuffix("/") ? String(url.dropLast()) : url
        }
    }

    /// Whether requests reach the real exchange: decided by the host (``LiveEndpoint``), so a
    /// URL under binance.com or binance.us is live exactly as the word `live` is.
    var isLive: Bool { LiveEndpoint.isLive(baseURL: baseURL) }

    /// The short name shown in prompts: sim, live, or the URL.
    var name: String {
        switch self {
        case .sim: return "sim"
        case .live: return "live"
        case .testnet: return "testnet"
        case .url(let url): return url
        }
    }
}
