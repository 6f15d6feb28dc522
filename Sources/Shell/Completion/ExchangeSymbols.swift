import BinanceAPI
import Dispatch
import Script
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

/// The exchange's symbols for completion (`cancel LTC<TAB>` → `LTCBTC`), from its three lists —
/// cross-margin pairs, isolated-margin pairs and exchangeInfo — fetched through the session's
/// host (paced by the weight budget and logged like any request) the first time a symbol is
/// completed, and kept in `$XDG_CACHE_HOME/bnc/` (`~/.cache/bnc/`) for 24 hours per endpoint
/// and base URL, so a new shell does not ask again.
///
/// The cache files are outside input: each is read up to 4 MiB and only well-formed symbols
/// (``ParameterRules/symbol(_:)``) are kept.
final class ExchangeSymbols: Sendable {
    /// One of the lists.
    enum List: String, CaseIterable {
        case crossPairs = "margin-allPairs"
        case isolatedPairs = "margin-isolated-allPairs"
        case exchangeInfo = "exchangeInfo"

        func fetch(_ host: any OperationHost) async -> [String]? {
            let reply: OperationReply?
            switch self {
            case .crossPairs: reply = try? await host.perform(MarginAllPairs())
            case .isolatedPairs: reply = try? await host.perform(IsolatedMarginAllPairs())
            case .exchangeInfo: reply = try? await host.perform(ExchangeInfo())
            }
            guard let json = reply?.response else { return nil }
            return (try? SymbolList(json: json))?.symbols
        }
    }

    /// How long a cached list is used.
    static let lifetime: TimeInterval = 24 * 3600
    /// The most bytes read from a cache file.
    static let maximumFileSize = 4 << 20
    /// The longest a TAB waits for the lists.
    let timeout: DispatchTimeInterval
    private let directory: String?
    /// The symbols once loaded, and when loading was last tried.
    private let state = Mutex<(loaded: [String]?, lastAttempt: Date?)>((nil, nil))

    /// - Parameter environment: for `XDG_CACHE_HOME` and `HOME`.
    init(environment: [String: String], timeout: DispatchTimeInterval = .seconds(5)) {
        self.timeout = timeout
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            directory = cache + "/bnc"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            directory = home + "/.cache/bnc"
        } else {
            directory = nil
        }
    }

    /// The symbols, loading them on first use: from fresh cache files, else from the exchange
    /// (a dry-run host sends nothing: cache files only). A failed attempt is not repeated for a minute.
    func symbols(host: any OperationHost, baseURL: String) -> [String] {
        let known: [String]? = state.withLock { state in
            if let loaded = state.loaded { return loaded }
            if let lastAttempt = state.lastAttempt, Date().timeIntervalSince(lastAttempt) < 60 { return [] }
            state.lastAttempt = Date()
            return nil
        }
        if let known { return known }
        // What the task gathers; after a timeout it may still be writing, so it is locked.
        final class Box: Sendable {
            let gathered = Mutex<(symbols: [String], complete: Bool)>(([], true))
        }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let directory = directory
        Task.detached {
            for list in List.allCases {
                let file = directory.map { $0 + "/" + Self.fileName(list, baseURL: baseURL) }
                if let file, let cached = Self.read(file) {
                    box.gathered.withLock { $0.symbols += cached }
                } else if !host.isDryRun, let fetched = await list.fetch(host) {
                    box.gathered.withLock { $0.symbols += fetched }
                    if let directory, let file { Self.write(fetched, to: file, directory: directory) }
                } else {
                    box.gathered.withLock { $0.complete = false }
                }
            }
            done.signal()
        }
        guard done.wait(timeout: .now() + timeout) == .success else { return [] }
        let gathered = box.gathered.withLock { $0 }
        var seen = Set<String>()
        let symbols = gathered.symbols.filter { seen.insert($0).inserted }
        if gathered.complete || !symbols.isEmpty {
            state.withLock { $0.loaded = symbols }
        }
        return symbols
    }

    /// `margin-allPairs-api.binance.com.txt`: one file per list and base URL.
    static func fileName(_ list: List, baseURL: String) -> String {
        let host = (LiveEndpoint.host(of: baseURL) ?? baseURL).map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber || character == "." || character == "-")
                ? character : "_"
        }
        return "\(list.rawValue)-\(String(host.prefix(100))).txt"
    }

    /// The symbols of a cache file younger than ``lifetime``; nil when absent, old or unreadable.
    static func read(_ path: String) -> [String]? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            (attributes[.type] as? FileAttributeType) == .typeRegular,
            let modified = attributes[.modificationDate] as? Date, Date().timeIntervalSince(modified) < lifetime,
            let size = (attributes[.size] as? UInt).map({ Int($0) }), size <= maximumFileSize,
            let data = FileManager.default.contents(atPath: path), data.count <= maximumFileSize,
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        return text.split(separator: "\n").map(String.init).filter { (try? ParameterRules.symbol($0)) != nil }
    }

    /// Writes a list (to a temporary file renamed into place, so a reader never sees half of it).
    static func write(_ symbols: [String], to path: String, directory: String) {
        try? FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data((symbols.joined(separator: "\n") + "\n").utf8))
        else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }
}
