import BinanceAPI

/// One argument's value after conversion to its kind.
public enum ArgumentValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case decimal(ExactDecimal)
    case bool(Bool)
}

/// The converted arguments of one command, by the argument's short name; what a command entry
/// builds its typed operation from.
public struct ArgumentValues: Sendable, Hashable {
    var values: [String: ArgumentValue]

    public init(_ values: [String: ArgumentValue] = [:]) {
        self.values = values
    }

    /// A text or symbol argument, or nil when not given.
    public func text(_ name: String) -> String? {
        if case .text(let value) = values[name] { return value }
        return nil
    }

    /// An integer argument, or nil when not given.
    public func integer(_ name: String) -> Int64? {
        if case .integer(let value) = values[name] { return value }
        return nil
    }

    /// An integer argument narrowed to `Int` (for `recvWindow`), saturating.
    public func int(_ name: String) -> Int? {
        integer(name).map { Int(clamping: $0) }
    }

    /// A decimal argument, or nil when not given.
    public func decimal(_ name: String) -> ExactDecimal? {
        if case .decimal(let value) = values[name] { return value }
        return nil
    }

    /// A boolean argument, or nil when not given.
    public func bool(_ name: String) -> Bool? {
        if case .bool(let value) = values[name] { return value }
        return nil
    }

    /// A flag: true when given bare or as TRUE, false when absent or FALSE.
    public func flag(_ name: String) -> Bool { bool(name) ?? false }

    /// Whether the argument was given at all.
    public func has(_ name: String) -> Bool { values[name] != nil }
}
