import BinanceAPI

/// The first record of every log: what wrote it, against which endpoint, with which key.
package struct SessionHeader: Sendable, Hashable {
    /// The format version the log was written in.
    package var version: Int
    /// The `bnc` version that wrote the log.
    package var bncVersion: String
    /// The endpoint name: `sim`, `live`, or a base URL.
    package var endpoint: String
    /// The base URL requests were sent to.
    package var baseURL: String
    /// The kind of key requests were signed with; nil when no key was configured.
    package var keyType: KeyType?
    /// The API key, masked (``Credentials/mask(_:)``); never the key itself.
    package var maskedAPIKey: String?
    /// Where the key came from ("environment", "demo").
    package var keySource: String?
    /// When the session started, ms since the epoch.
    package var started: Int64
    /// What kind of session: `script`, `shell`, `command`, `replay`.
    package var mode: String
    /// The fixed clock (`--timestamp`), when one was set.
    package var fixedClock: Int64?
    /// Script parameters given with `--set name=value`, as typed: replay defines them again.
    package var variables: [String: String] = [:]
    /// The HTTP proxy requests went through, `host:port` only (never its credentials); nil for none.
    package var proxy: String?

    /// A header for a session starting now. `credentials` is only read for its key type and
    /// masked key.
    package init(
        bncVersion: String, endpoint: String, baseURL: String, credentials: Credentials?, mode: String,
        fixedClock: Int64? = nil, variables: [String: String] = [:], started: Int64 = ExchangeClock.localMilliseconds()
    ) {
        self.variables = variables
        self.version = SessionLogFormat.version
        self.bncVersion = bncVersion
        self.endpoint = endpoint
        self.baseURL = baseURL
        self.keyType = credentials?.signer.keyType
        self.maskedAPIKey = credentials?.maskedAPIKey
        self.keySource = credentials?.source
        self.started = started
        self.mode = mode
        self.fixedClock = fixedClock
    }

    /// A header with every field given (for readers and tests).
    package init(
        version: Int, bncVersion: String, endpoint: String, baseURL: String, keyType: KeyType?,
        maskedAPIKey: String?, keySource: String?, started: Int64, mode: String, fixedClock: Int64?
    ) {
        self.version = version
        self.bncVersion = bncVersion
        self.endpoint = endpoint
        self.baseURL = baseURL
        self.keyType = keyType
        self.maskedAPIKey = maskedAPIKey
        self.keySource = keySource
        self.started = started
        self.mode = mode
        self.fixedClock = fixedClock
    }
}
