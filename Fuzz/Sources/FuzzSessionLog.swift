import BinanceAPI
import Foundation
import SessionLog

/// A session log file: ``SessionLogReader`` over the whole input (as `bnc log show` and
/// `bnc replay` read it), each entry through ``SessionLogRenderer`` and ``SessionLogScript``
/// (`log script`), and each line through ``RecordLineDecoder``, the fast path of replays.
///
/// Invariants: reading ends, with entries on lines that exist; a record read back, written
/// as a line and read again, is the same record; where the fast decoder returns a record, the
/// general path (``JSONValue`` then ``SessionRecord/init(json:)``) returns the same one; what
/// `log show` prints holds no control character (they are escaped), nor what `log script`
/// prints but its own line breaks and tabs; the replay reader's
/// filtered pass (kinds, top-level statements, raw bodies, a small line cap) also ends.
enum FuzzSessionLog {
    /// One file per process, rewritten for each input (libFuzzer runs one input at a time).
    static let path = NSTemporaryDirectory() + "/bnc-fuzz-log-\(getpid()).jsonl"

    static func run(_ bytes: UnsafeRawBufferPointer) throws(FuzzViolation) {
        let input = Array(bytes)
        guard FileManager.default.createFile(atPath: path, contents: Data(input)) else {
            fatalError("cannot write \(path)")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lineCount = input.reduce(1) { $1 == 10 ? $0 + 1 : $0 }
        try readAll(lineCount: lineCount)
        try readForReplay(lineCount: lineCount)
        try decodeLines(input)
    }

    /// The whole log, as `bnc log show` reads and renders it.
    static func readAll(lineCount: Int) throws(FuzzViolation) {
        let reader: SessionLogReader
        do {
            reader = try SessionLogReader(path: path)
        } catch {
            throw FuzzViolation("cannot open the log: \(error)")
        }
        var renderer = SessionLogRenderer()
        var script = SessionLogScript()
        var entries = 0
        while let entry = reader.next() {
            entries += 1
            try require(entries <= lineCount + 1, "more entries than lines")
            switch entry {
            case .record(let record, let line):
                try require((1...lineCount).contains(line), "a record on line \(line) of \(lineCount)")
                try roundTrip(record)
            case .issue(let issue):
                try require((1...lineCount + 1).contains(issue.line), "an issue on line \(issue.line) of \(lineCount)")
                _ = issue.description
            }
            try shownSafely(renderer.render(entry))
            // `bnc log script`: the script's own line breaks and tabs stay, nothing else.
            for line in script.lines(for: entry) {
                try require(
                    !line.unicodeScalars.contains {
                        ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
                    }, "log script prints a control character: \(shown(line))")
            }
        }
        try shownSafely(renderer.finish())
        try require(reader.readError == nil, "a read error: \(String(describing: reader.readError))")
    }

    /// The log as a replay reads it: requests and statements only, top-level statements,
    /// bodies kept raw, with a small line cap so the overlong-line path runs too.
    static func readForReplay(lineCount: Int) throws(FuzzViolation) {
        let reader: SessionLogReader
        do {
            reader = try SessionLogReader(
                path: path, kinds: ["header", "request", "response", "statement"], topLevelStatementsOnly: true,
                rawResponseBodies: true, maximumLineLength: 300)
        } catch {
            throw FuzzViolation("cannot open the log: \(error)")
        }
        var entries = 0
        while let entry = reader.next() {
            entries += 1
            try require(entries <= lineCount + 1, "more entries than lines (replay pass)")
            if case .record(let record, _) = entry {
                _ = record.line
            }
        }
    }

    /// `bnc log show` prints these lines to a terminal: a control character from the log (C0,
    /// DEL, C1 — `ESC ] 0;…BEL` retitles the window, a newline forges a line) must arrive escaped.
    static func shownSafely(_ lines: [String]) throws(FuzzViolation) {
        for line in lines {
            try require(
                !line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                "log show prints a control character: \(shown(line))")
        }
    }

    /// A record written as a line and read back is the same record.
    static func roundTrip(_ record: SessionRecord) throws(FuzzViolation) {
        let line = record.line
        do {
            let again = try SessionRecord(json: try JSONValue.parse(line))
            try require(again == record, "written and read back, the record changed: \(shown(line))")
        } catch let error as FuzzViolation {
            throw error
        } catch {
            throw FuzzViolation("a record read from the log cannot be read back from its own line \(shown(line)): \(error)")
        }
    }

    /// Each line through the fast decoder and the general path: the same record, or the fast
    /// decoder declines.
    static func decodeLines(_ input: [UInt8]) throws(FuzzViolation) {
        var start = 0
        while start <= input.count {
            let end = input[start...].firstIndex(of: 10) ?? input.count
            let line = Array(input[start..<end])
            start = end + 1
            let fast = RecordLineDecoder.decode(line.span, rawBodies: false)
            guard let fast else { continue }
            let general: SessionRecord
            do {
                general = try SessionRecord(json: try JSONValue.parse(line))
            } catch {
                throw FuzzViolation("the fast decoder read a record the general path refuses (\(error)): \(fast)")
            }
            try require(fast == general, "the fast decoder and the general path disagree: \(fast) vs \(general)")
            _ = RecordLineDecoder.decode(line.span, rawBodies: true)
        }
    }
}
