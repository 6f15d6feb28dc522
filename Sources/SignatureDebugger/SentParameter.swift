import BinanceAPI

/// One `name=value` piece of a captured request, raw as sent and decoded as the exchange reads it.
package struct SentParameter: Sendable, Hashable {
    /// Where the parameter travelled.
    package enum Location: String, Sendable, Hashable, Codable {
        case query
        case body
    }

    package var location: Location
    /// The name exactly as sent.
    package var rawName: String
    /// The value exactly as sent (after the first `=`; empty when there is none).
    package var rawValue: String
    /// The name percent-decoded, `+` read as a space.
    package var name: String
    /// The value percent-decoded, `+` read as a space (form decoding, as the exchange reads it).
    package var value: String

    package init(location: Location, rawName: String, rawValue: String, name: String, value: String) {
        self.location = location
        self.rawName = rawName
        self.rawValue = rawValue
        self.name = name
        self.value = value
    }

    /// The piece as sent: `rawName=rawValue`.
    package var raw: String { "\(rawName)=\(rawValue)" }

    /// Splits a raw query string or form body into parameters, in order. Empty pieces (`a=1&&b=2`)
    /// are skipped, as form decoders skip them.
    static func parse(_ text: String, location: Location) throws(ExplainInputError) -> [SentParameter] {
        var result: [SentParameter] = []
        for pair in CanonicalQuery.rawPairs(of: Substring(text)) where !(pair.name.isEmpty && pair.value.isEmpty) {
            guard let name = PercentEncoding.decode(pair.name, plusIsSpace: true) else {
                throw .malformedEscape(parameter: String(pair.name))
            }
            guard let value = PercentEncoding.decode(pair.value, plusIsSpace: true) else {
                throw .malformedEscape(parameter: name)
            }
            result.append(
                SentParameter(
                    location: location, rawName: String(pair.name), rawValue: String(pair.value), name: name,
                    value: value))
        }
        return result
    }
}
