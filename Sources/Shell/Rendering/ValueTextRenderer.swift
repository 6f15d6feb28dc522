import BinanceAPI
import Script

/// Renders values as text for people: a record as aligned `field  value` lines, a list of
/// records as a table, anything else as `print` shows it.
///
/// ``options`` choose what fits: an order shows its compact columns unless `columns` is `all`;
/// times (ms since the epoch) are shown as dates; with a width (a terminal), a table wider than
/// it becomes expanded records, one field per line (psql's `\x auto`), and long values wrap at
/// word boundaries.
///
/// Values mostly come from the exchange: their control characters are shown escaped
/// (``TerminalText``) — in a field or table cell all of them, in a lone value all but newline
/// and tab. JSON output is not rendered here and keeps JSON's own escaping.
package struct ValueTextRenderer: Sendable {
    /// Whether to use ANSI colour (only when asked: a terminal and no NO_COLOR).
    package var colour: Bool
    /// Columns, time zone and width.
    package var options: RenderOptions

    package init(colour: Bool = false, options: RenderOptions = RenderOptions()) {
        self.colour = colour
        self.options = options
    }

    package func render(_ value: Value) -> String {
        switch value {
        case .record(let record) where OrderListRendering.isOrderList(record):
            return renderOrderList(record)
        case .record(let record) where IsolatedAccountRendering.isIsolatedAccounts(record):
            return renderIsolatedAccounts(record)
        case .record(let record):
            return renderRecord(record)
        case .list(let values) where !values.isEmpty && values.allSatisfy(\.isRecord):
            return renderTable(OrderListRendering.flattened(values.compactMap(\.recordValue)))
        case .list(let values) where values.allSatisfy(\.isScalar):
            return values.map { TerminalText.escaped($0.text) }.joined(separator: "\n")
        default:
            return TerminalText.escaped(value.text, keepingLineBreaks: true)
        }
    }

    /// `field  value`, names padded to the longest.
    package func renderRecord(_ record: Record) -> String {
        guard !record.fields.isEmpty else { return "(empty record)" }
        let shown = ColumnSet.recordFields(record.names, columns: options.columns)
        return fieldLines(shown.map { name in (name, cell(name, record[name])) })
    }

    /// A table: one column per field (in order of first appearance; for orders the compact
    /// set), one row per record — or expanded records when a row is wider than the terminal.
    package func renderTable(_ records: [Record]) -> String {
        var names: [String] = []
        for record in records {
            for name in record.names where !names.contains(name) { names.append(name) }
        }
        let columns = ColumnSet.tableColumns(names, records: records, columns: options.columns)
        let cells = records.map { record in columns.map { cell($0, record[$0]) } }
        let headers = columns.map { TerminalText.escaped($0) }
        let widths = columns.indices.map { index in
            max(headers[index].displayWidth, cells.map { $0[index].displayWidth }.max() ?? 0)
        }
        let tableWidth = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
        if let width = options.width, tableWidth > width {
            return expanded(headers: headers, rows: cells, width: width)
        }
        func line(_ values: [String]) -> String {
            zip(values, widths).map { $0.padded(to: $1) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([styled(line(headers))] + cells.map(line)).joined(separator: "\n")
    }

    /// One record per block, one field per line, under a `-[ 1 of 3 ]---` rule.
    private func expanded(headers: [String], rows: [[String]], width: Int) -> String {
        rows.enumerated().map { index, row in
            let title = "-[ \(index + 1) of \(rows.count) ]"
            let rule = title + String(repeating: "-", count: max(0, min(width, 40) - title.count))
            return styled(rule) + "\n" + fieldLines(Array(zip(headers, row)))
        }.joined(separator: "\n")
    }

    /// Aligned `name  value` lines; with a width, a long value wraps under itself.
    private func fieldLines(_ pairs: [(String, String)]) -> String {
        plainFieldLines(pairs) ?? generalFieldLines(pairs)
    }

    /// ``fieldLines(_:)`` for any text (internal for the tests that compare the two paths).
    func generalFieldLines(_ pairs: [(String, String)]) -> String {
        let names = pairs.map { TerminalText.escaped($0.0) }
        let nameWidth = names.map(\.displayWidth).max() ?? 0
        let indent = String(repeating: " ", count: nameWidth + 2)
        return zip(names, pairs).map { name, pair in
            var value = pair.1
            if let width = options.width, nameWidth + 2 + value.displayWidth > width, width - nameWidth - 2 >= 20 {
                value = TextWrapper.wrap(value, width: width - nameWidth - 2)
                    .split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
            }
            return "\(styled(name.padded(to: nameWidth)))  \(value)".trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }

    /// ``fieldLines(_:)`` for the common case, built as bytes: no colour, every name and value
    /// printable ASCII (then a byte is a character and a column, and nothing needs escaping),
    /// and no value long enough to wrap. Nil otherwise. A loop printing a cancel's answer per
    /// statement spent 11% of its time in the general path's strings (docs/performance.md,
    /// "Fourth pass: the wire").
    func plainFieldLines(_ pairs: [(String, String)]) -> String? {
        guard let lines = PlainFieldLines(pairs, renderer: self) else { return nil }
        return String(unsafeUninitializedCapacity: lines.byteCount) { buffer in
            var output = OutputSpan(buffer: buffer, initializedCount: 0)
            lines.write(to: &output)
            return output.finalize(for: buffer)
        }
    }

    /// `value`'s text as ``render(_:)`` gives it, when it is a record whose lines
    /// ``plainFieldLines(_:)`` covers; nil otherwise. The printer writes these straight into its
    /// buffer, without a `String` between.
    package func plainRecordLines(_ value: Value) -> PlainFieldLines? {
        guard case .record(let record) = value, !record.fields.isEmpty, !OrderListRendering.isOrderList(record),
            !IsolatedAccountRendering.isIsolatedAccounts(record)
        else {
            return nil
        }
        let shown = ColumnSet.recordFields(record.names, columns: options.columns)
        return PlainFieldLines(shown.map { name in (name, cell(name, record[name])) }, renderer: self)
    }

    /// Whether every byte of `text` is printable ASCII (0x20-0x7E).
    static func isPrintableASCII(_ text: String) -> Bool {
        let check = { (byte: UInt8) in byte >= 0x20 && byte < 0x7F }
        return text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(check) } ?? text.utf8.allSatisfy(check)
    }

    /// A field's text: a time as a date, anything else as sent, control characters escaped.
    func cell(_ name: String, _ value: Value?) -> String {
        guard let value else { return "" }
        if case .integer(let number) = value,
            let time = TimeDisplay.text(field: name, value: number, zone: options.time)
        {
            return time
        }
        return TerminalText.escaped(value.text)
    }

    private func styled(_ text: String) -> String {
        colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}

/// Aligned `name  value` lines in the plain case (``ValueTextRenderer/plainFieldLines(_:)``):
/// their exact size, and the bytes written into an output span.
package struct PlainFieldLines {
    private let pairs: [(String, String)]
    private let nameWidth: Int
    /// The bytes ``write(to:)`` writes.
    package let byteCount: Int

    /// Nil unless `renderer` shows `pairs` without colour, every name and value is printable
    /// ASCII, and no value would wrap at the renderer's width.
    init?(_ pairs: [(String, String)], renderer: ValueTextRenderer) {
        guard !renderer.colour else { return nil }
        var nameWidth = 0
        var valueBytes = 0
        for (name, value) in pairs {
            guard ValueTextRenderer.isPrintableASCII(name), ValueTextRenderer.isPrintableASCII(value) else { return nil }
            nameWidth = max(nameWidth, name.utf8.count)
            valueBytes += value.utf8.count
        }
        if let width = renderer.options.width, width - nameWidth - 2 >= 20,
            pairs.contains(where: { nameWidth + 2 + $0.1.utf8.count > width })
        {
            return nil
        }
        var byteCount = 0
        for (index, (name, value)) in pairs.enumerated() {
            if index > 0 { byteCount += 1 }
            // Trailing spaces are trimmed (in printable ASCII a trailing " " character is a 0x20 byte).
            let valueEnd = Self.endWithoutSpaces(value)
            byteCount += valueEnd == 0 ? Self.endWithoutSpaces(name) : nameWidth + 2 + valueEnd
        }
        self.pairs = pairs
        self.nameWidth = nameWidth
        self.byteCount = byteCount
    }

    /// Appends the lines (no newline after the last); `output` must have room for ``byteCount``.
    package func write(to output: inout OutputSpan<UInt8>) {
        for (index, (name, value)) in pairs.enumerated() {
            if index > 0 { output.append(0x0A) }
            let valueEnd = Self.endWithoutSpaces(value)
            if valueEnd == 0 {
                Self.append(name, upTo: Self.endWithoutSpaces(name), to: &output)
                continue
            }
            Self.append(name, upTo: name.utf8.count, to: &output)
            for _ in 0..<(nameWidth - name.utf8.count + 2) { output.append(0x20) }
            Self.append(value, upTo: valueEnd, to: &output)
        }
    }

    /// The length of `text`'s UTF-8 without its trailing spaces.
    private static func endWithoutSpaces(_ text: String) -> Int {
        let utf8 = text.utf8
        if let end = utf8.withContiguousStorageIfAvailable({ bytes in
            var end = bytes.count
            while end > 0 && bytes[end - 1] == 0x20 { end -= 1 }
            return end
        }) {
            return end
        }
        return utf8.count - utf8.reversed().prefix { $0 == 0x20 }.count
    }

    /// Appends the first `count` UTF-8 bytes of `text` in one copy.
    private static func append(_ text: String, upTo count: Int, to output: inout OutputSpan<UInt8>) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            output.append(UnsafeBufferPointer(rebasing: bytes[..<count]))
        }
        if copied == nil {
            for byte in text.utf8.prefix(count) { output.append(byte) }
        }
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
    /// The string with spaces added up to `width` terminal columns (``DisplayWidth``: 中 and 🙂
    /// take two, a combining accent none). Not Foundation's `padding(toLength:withPad:startingAt:)`:
    /// that bridges to NSString (15% of a long loop of printed cancels, docs/performance.md) and
    /// counts UTF-16 units, not columns.
    func padded(to width: Int) -> String {
        let count = displayWidth
        guard count < width else { return self }
        return self + String(repeating: " ", count: width - count)
    }

    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
