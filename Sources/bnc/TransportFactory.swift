import BinanceAPI
import BinanceSimulator

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

/// Turns the endpoint choice and the profile into what sends requests: the embedded simulator's
/// in-process transport for `sim`, the HTTP transport for `live` and any base URL; and the
/// `ExchangeClient` over it, with the profile's key, recvWindow, limits and timeouts.
///
/// Precedence: `--endpoint` over the profile's `endpoint` over `sim`; credentials from the
/// environment (`BINANCE_API_KEY`, ...) over the profile's; the documentation's demo key for the
/// simulator and other non-live endpoints when neither names one, and none for `live`.
enum TransportFactory {
    /// A set-up problem: exit code 2, nothing sent.
    struct SetupError: Error {
        var message: String
        var hint: String?
    }

    /// The profile at `$XDG_CONFIG_HOME/bnc/config` (`~/.config/bnc/config`); empty when absent.
    static func profile() throws(SetupError) -> ConnectionProfile {
        // The two variables the path needs, looked up alone: building ProcessInfo's whole
        // environment was about 5% of a dry run's start (docs/performance.md, "Second pass"), and
        // a dictionary of them, the first [String: String], 3.7% ("Fifth pass: cold start").
        guard let path = ConnectionProfile.defaultPath(lookup: ProcessEnvironment.value(of:)) else {
            return ConnectionProfile()
        }
        do {
            return try ConnectionProfile.load(path: path)
        } catch {
            throw SetupError(message: error.message, hint: error.hint)
        }
    }

    /// The endpoint: the `--endpoint` option, else the profile's, else the embedded simulator.
    static func endpoint(option: String?, profile: ConnectionProfile) throws(SetupError) -> EndpointChoice {
        if let option {
            guard let choice = EndpointChoice(option) else {
                throw SetupError(message: Self.endpointProblem("--endpoint", option))
            }
            return choice
        }
        if let written = profile.endpoint {
            guard let choice = EndpointChoice(written) else {
                throw SetupError(message: Self.endpointProblem("\(profile.path ?? "the profile"): endpoint", written))
            }
            return choice
        }
        return .sim
    }

    /// Why `text` is not an endpoint, naming `what` (the option or the profile line); the URL is
    /// shown without credentials and with control characters escaped.
    static func endpointProblem(_ what: String, _ text: String) -> String {
        if text.hasPrefix("http://") || text.hasPrefix("https://"), let problem = LiveEndpoint.problem(with: text) {
            return "\(what): \(problem): '\(LiveEndpoint.redacted(text))'"
        }
        return "\(what) must be sim, live, testnet, or an http(s):// base URL, not '\(LiveEndpoint.redacted(text))'"
    }

    /// The transport for `choice`; `caFile` is the `--ca-file` option.
    static func transport(
        for choice: EndpointChoice, profile: ConnectionProfile, caFile: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(SetupError) -> any Transport {
        switch choice {
        case .sim:
            return SimulatorTransport()
        case .live, .testnet, .url:
            var timeouts = HTTPTransport.Timeouts()
            if let connect = profile.connectTimeout { timeouts.connect = connect }
            if let read = profile.readTimeout { timeouts.read = read }
            // The bundle is only named here; it is read on the first https connection.
            let trust = TLSTrust.resolve(option: caFile, profileFile: profile.caFile, environment: environment)
            let proxy = try proxy(for: choice, profile: profile, environment: environment)
            do {
                return try HTTPTransport(
                    baseURL: choice.baseURL, name: choice.name, timeouts: timeouts, trust: trust, proxy: proxy)
            } catch {
                throw SetupError(message: error.message)
            }
        }
    }

    /// The HTTP proxy requests to `choice` go through: the profile's `proxy`, else
    /// `HTTPS_PROXY`/`HTTP_PROXY` by the endpoint's scheme, unless `NO_PROXY` covers its host;
    /// nil for the embedded simulator.
    static func proxy(
        for choice: EndpointChoice, profile: ConnectionProfile,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(SetupError) -> HTTPProxy? {
        guard choice != .sim, let url = URLComponents(string: choice.baseURL), let host = url.host else { return nil }
        do {
            return try HTTPProxy.resolve(
                host: host, https: url.scheme == "https", profileProxy: profile.proxy, environment: environment)
        } catch {
            throw SetupError(
                message: error.message, hint: "a proxy is written http://host:port or http://user:password@host:port")
        }
    }

    /// The key that signs: environment, then profile, then the demo key except for a live
    /// endpoint (`live` or any URL under binance.com or binance.us, ``LiveEndpoint``).
    static func credentials(for choice: EndpointChoice, profile: ConnectionProfile) throws(SetupError) -> Credentials? {
        do {
            if let environment = try Credentials.fromEnvironment() { return environment }
        } catch {
            throw SetupError(message: error.message)
        }
        do {
            if let fromProfile = try profile.credentials() { return fromProfile }
        } catch {
            throw SetupError(message: error.message, hint: error.hint)
        }
        // The spot testnet gets the demo key too, for its builder to refuse by name before anything
        // is signed (it answers -2015 to the demo key); its public endpoints need no key.
        return choice.isLive ? nil : DemoCredentials.hmac
    }

    /// A client for `choice` with the profile's settings.
    static func client(
        for choice: EndpointChoice, profile: ConnectionProfile, clock: ExchangeClock = ExchangeClock(),
        observer: (any RequestObserver)? = nil
    ) async throws(SetupError) -> ExchangeClient {
        let client = ExchangeClient(
            transport: try transport(for: choice, profile: profile),
            credentials: try credentials(for: choice, profile: profile), clock: clock, observer: observer,
            recvWindow: profile.recvWindow)
        await client.configureRateLimits(profile.rateLimits)
        return client
    }

    /// `--endpoint`/profile/credentials in one step, as the commands that send use it.
    static func client(
        endpointOption: String?, clock: ExchangeClock = ExchangeClock(), observer: (any RequestObserver)? = nil
    ) async throws(SetupError) -> ExchangeClient {
        let profile = try profile()
        let choice = try endpoint(option: endpointOption, profile: profile)
        return try await client(for: choice, profile: profile, clock: clock, observer: observer)
    }
}
