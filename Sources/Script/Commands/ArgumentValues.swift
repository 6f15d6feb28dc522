import BinanceAPI

/// One argument's value after conversion to its kind.
package enum ArgumentValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case decimal(ExactDecimal)
    case bool(Bool)
}

/// The converted arguments of one command, by the argument's short name; what a command entry
/// builds its typed operation from.
///
/// A handful of pairs searched in order: a command has at most a few arguments, and comparing
/// short names is cheaper than hashing them (this is built for every command a loop runs).
package struct ArgumentValues: Sendable, Hashable {
    /// Names and values side by side (a lookup compares names in place, copying nothing).
    private var names: [String]
    private var values: [ArgumentValue]
    /// Parameters given by a name no argument of the entry takes, in the order written: only a
    /// command whose endpoint is chosen at run time (`request`) takes them, and sends them so.
    package var parameters: [QueryParameter] = []

    package init(_ values: [String: ArgumentValue] = [:]) {
        let sorted = values.sorted { $0.key < $1.key }
        self.names = sorted.map(\.key)
        self.values = sorted.map(\.value)
    }

    /// Room for `capacity` arguments, none set yet.
    init(capacity: Int) {
        names = []
        values = []
        names.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// The value of argument `name`, or nil when not given.
    subscript(name: String) -> ArgumentValue? {
        get {
            for index in names.indices where names[index] == name { return values[index] }
            return nil
        }
        set {
            if let index = names.firstIndex(of: name) {
                if let newValue {
                    values[index] = newValue
                } else {
                    names.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                names.append(name)
                values.append(newValue)
            }
        }
    }

    /// Removes every argument, keeping the room (a plan refills the same values on every run).
    mutating func removeAll() {
        names.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        parameters.removeAll(keepingCapacity: true)
    }

    /// Sets an argument known not to be set yet (the plan sets each argument once).
    mutating func appendNew(_ name: String, _ value: ArgumentValue) {
        names.append(name)
        values.append(value)
    }

    package static func == (lhs: ArgumentValues, rhs: ArgumentValues) -> Bool {
        lhs.names.count == rhs.names.count && lhs.names.indices.allSatisfy { rhs[lhs.names[$0]] == lhs.values[$0] }
            && lhs.parameters == rhs.parameters
    }

    package func hash(into hasher: inout Hasher) {
        // Order-independent, as equality is.
        var combined = 0
        for index in names.indices {
            var inner = Hasher()
            inner.combine(names[index])
            inner.combine(values[index])
            combined ^= inner.finalize()
        }
        hasher.combine(names.count)
        hasher.combine(combined)
        hasher.combine(parameters)
    }

    /// A text or symbol argument, or nil when not given.
    package func text(_ name: String) -> String? {
        if case .text(let value) = self[name] { return value }
        return nil
    }

    /// An integer argument, or nil when not given.
    package func integer(_ name: String) -> Int64? {
        if case .integer(let value) = self[name] { return value }
        return nil
    }

    /// An integer argument narrowed to `Int` (for `recvWindow`), saturating.
    package func int(_ name: String) -> Int? {
        integer(name).map { Int(clamping: $0) }
    }

    /// A decimal argument, or nil when not given.
    package func decimal(_ name: String) -> ExactDecimal? {
        if case .decimal(let value) = self[name] { return value }
        return nil
    }

    /// A boolean argument, or nil when not given.
    package func bool(_ name: String) -> Bool? {
        if case .bool(let value) = self[name] { return value }
        return nil
    }

    /// A flag: true when given bare or as TRUE, false when absent or FALSE.
    package func flag(_ name: String) -> Bool { bool(name) ?? false }

    /// Whether the argument was given at all.
    package func has(_ name: String) -> Bool { self[name] != nil }
}
