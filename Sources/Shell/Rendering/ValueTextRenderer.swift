import Script

/// Renders values as text for people: a record as aligned `field  value` lines, a list of
/// records as a table, anything else as `print` shows it.
public struct ValueTextRenderer: Sendable {
    /// Whether to use ANSI colour (only when asked: a terminal and no NO_COLOR).
    public var colour: Bool

    public init(colour: Bool = false) {
        self.colour = colour
    }

    public func render(_ value: Value) -> String {
        switch value {
        case .record(let record):
            return renderRecord(record)
        case .list(let values) where !values.isEmpty && values.allSatisfy(\.isRecord):
            return renderTable(values.compactMap(\.recordValue))
        case .list(let values) where values.allSatisfy(\.isScalar):
            return values.map(\.text).joined(separator: "\n")
        default:
            return value.text
        }
    }

    /// `field  value`, names padded to the longest.
    public func renderRecord(_ record: Record) -> String {
        guard !record.fields.isEmpty else { return "(empty record)" }
        let width = record.fields.map(\.name.count).max() ?? 0
        return record.fields.map { field in
            let name = field.name.padded(to: width)
            return "\(styled(name))  \(field.value.text)"
        }.joined(separator: "\n")
    }

    /// A table: one column per field (in order of first appearance), one row per record.
    public func renderTable(_ records: [Record]) -> String {
        var columns: [String] = []
        for record in records {
            for name in record.names where !columns.contains(name) { columns.append(name) }
        }
        let cells = records.map { record in columns.map { record[$0]?.text ?? "" } }
        let widths = columns.indices.map { index in
            max(columns[index].count, cells.map { $0[index].count }.max() ?? 0)
        }
        func line(_ values: [String]) -> String {
            zip(values, widths).map { $0.padded(to: $1) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
        let header = styled(line(columns))
        return ([header] + cells.map(line)).joined(separator: "\n")
    }

    private func styled(_ text: String) -> String {
        colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}

extension Value {
    var isRecord: Bool { recordValue != nil }

    var recordValue: Record? {
        if case .record(let record) = self { return record }
        return nil
    }
}

extension String {
    /// The string with spaces added up to `width` characters. Not Foundation's
    /// `padding(toLength:withPad:startingAt:)`: that bridges to NSString (15% of a long loop of
    /// printed cancels, docs/performance.md) and counts UTF-16 units, not characters.
    func padded(to width: Int) -> String {
        let count = self.count
        guard count < width else { return self }
        return self + String(repeating: " ", count: width - count)
    }

    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
