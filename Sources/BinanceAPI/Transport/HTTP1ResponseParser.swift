/// Reads one HTTP/1.1 response from bytes as they arrive: the status line, the headers, and a
/// body framed by `Content-Length`, by `Transfer-Encoding: chunked`, or by the end of the
/// connection. Informational (1XX) responses before the final one are skipped.
///
/// A pure value fed by ``HTTP1Connection``; tests feed it byte by byte. It keeps the bytes of the
/// response it is reading (responses of the REST API are small) and never looks past the end of
/// the response, so it knows when a server sends more than it was asked for.
package struct HTTP1ResponseParser: Sendable {
    /// What was read: the response and whether the connection may carry another request.
    package struct Parsed: Sendable, Hashable {
        package var response: TransportResponse
        /// False after `Connection: close`, an HTTP/1.0 answer without `keep-alive`, a body
        /// read to the end of the connection, or bytes after the response.
        package var keepAlive: Bool
    }

    /// The response is not HTTP/1.x as the client can read it.
    package struct Malformed: Error, Sendable, Hashable {
        package var reason: String
    }

    /// The most bytes of metadata accepted in one response, in total: every status line and
    /// header block (interim 1XX answers included), chunk extensions and trailer lines. Each
    /// was capped per line only before, so a server could send 200 MiB of trailers.
    static let maxHeadBytes = 64 * 1024
    /// The largest body accepted (the exchange's biggest lists are a few MiB), counted as it
    /// arrives on the wire: for a chunked body, chunk data and chunk framing together.
    static let maxBodyBytes = 64 * 1024 * 1024

    /// The caps of this parser (tests use small ones).
    let headLimit: Int
    let bodyLimit: Int

    private enum Framing: Sendable, Hashable {
        case length(Int)
        case chunked
        case untilClose
    }

    private enum State: Sendable, Hashable {
        /// Reading the status line and headers; `scanned` bytes are known to hold no blank line.
        case head(scanned: Int)
        /// Reading a body of known length that starts at `start`.
        case body(start: Int, length: Int)
        /// Reading chunks: the next chunk-size line starts at `next`.
        case chunkSize(next: Int)
        /// Inside a chunk: `remaining` data bytes from `next`, then CRLF.
        case chunkData(next: Int, remaining: Int)
        /// After the last chunk: trailer lines from `next` up to a blank line.
        case trailers(next: Int)
        /// Until the connection ends; the body starts at `start`.
        case untilClose(start: Int)
        case done
    }

    private var buffer: [UInt8] = []
    private var state = State.head(scanned: 0)
    private var status = 0
    private var headers: [HTTPHeader] = []
    private var keepAlive = true
    private var body: [UInt8] = []
    /// Metadata bytes read so far (heads of earlier 1XX answers, the head, extensions, trailers).
    private var metadataBytes = 0
    /// Where the body of the final response starts in `buffer`.
    private var bodyStart = 0

    package init() {
        self.init(headLimit: Self.maxHeadBytes, bodyLimit: Self.maxBodyBytes)
    }

    /// A parser with other caps than the defaults (tests).
    package init(headLimit: Int, bodyLimit: Int) {
        self.headLimit = headLimit
        self.bodyLimit = bodyLimit
    }

    /// Whether any byte of a response has arrived.
    var hasStarted: Bool { !buffer.isEmpty || status != 0 }

    /// Adds bytes; returns the response once it is complete. Bytes after it make it malformed
    /// for keep-alive purposes only: the response is returned and `keepAlive` is false.
    package mutating func feed(_ bytes: RawSpan) throws(Malformed) -> Parsed? {
        try bytes.withUnsafeBytes { (bytes) throws(Malformed) in try feed(bytes) }
    }

    /// ``feed(_:)`` from a read buffer of this module's (the connection's).
    mutating func feed(_ bytes: UnsafeRawBufferPointer) throws(Malformed) -> Parsed? {
        guard state != .done else {
            if !bytes.isEmpty { keepAlive = false }
            return nil
        }
        buffer.append(contentsOf: bytes)
        return try advance()
    }

    /// The connection ended: a body read until the end is complete now; anything else is cut off.
    package mutating func finish() throws(Malformed) -> Parsed {
        guard case .untilClose(let start) = state else {
            throw Malformed(
                reason: hasStarted
                    ? "the connection ended in the middle of the response" : "the connection ended before any answer")
        }
        body = Array(buffer[start...])
        return complete(keepAlive: false, end: buffer.count)
    }

    // MARK: - Steps

    private mutating func advance() throws(Malformed) -> Parsed? {
        while true {
            switch state {
            case .head(let scanned):
                guard let end = Self.blankLine(in: buffer, from: scanned) else {
                    try countMetadata(buffer.count, pending: true)
                    state = .head(scanned: max(0, buffer.count - 3))
                    return nil
                }
                try countMetadata(end + 4)
                let framing = try parseHead(upTo: end)
                if (100..<200).contains(status) {
                    // An interim answer (100 Continue, 103 Early Hints): the real one follows.
                    buffer.removeFirst(end + 4)
                    status = 0
                    headers = []
                    keepAlive = true
                    state = .head(scanned: 0)
                    continue
                }
                bodyStart = end + 4
                switch framing {
                case .length(let length): state = .body(start: end + 4, length: length)
                case .chunked: state = .chunkSize(next: end + 4)
                case .untilClose: state = .untilClose(start: end + 4)
                }
            case .body(let start, let length):
                guard buffer.count - start >= length else { return nil }
                body = Array(buffer[start..<(start + length)])
                return complete(keepAlive: keepAlive, end: start + length)
            case .chunkSize(let next):
                guard let lineEnd = Self.lineEnd(in: buffer, from: next) else {
                    guard buffer.count - next <= 4096 else { throw Malformed(reason: "a chunk-size line is too long") }
                    try countBody(upTo: buffer.count)
                    return nil
                }
                let (size, digits) = try Self.chunkSize(buffer[next..<lineEnd])
                // Whatever follows the digits (`;name=value` extensions) is metadata, never used.
                try countMetadata(lineEnd - next - digits)
                if size == 0 {
                    state = .trailers(next: lineEnd + 2)
                } else {
                    // The chunk and its CRLF must fit, with everything before it, in the body cap.
                    try countBody(upTo: lineEnd + 2 + size + 2)
                    state = .chunkData(next: lineEnd + 2, remaining: size)
                }
            case .chunkData(let next, let remaining):
                guard buffer.count - next >= remaining + 2 else { return nil }
                guard buffer[next + remaining] == 13, buffer[next + remaining + 1] == 10 else {
                    throw Malformed(reason: "a chunk does not end with CRLF")
                }
                body.append(contentsOf: buffer[next..<(next + remaining)])
                state = .chunkSize(next: next + remaining + 2)
            case .trailers(let next):
                guard let lineEnd = Self.lineEnd(in: buffer, from: next) else {
                    try countMetadata(buffer.count - next, pending: true)
                    return nil
                }
                try countMetadata(lineEnd + 2 - next)
                if lineEnd == next { return complete(keepAlive: keepAlive, end: lineEnd + 2) }
                state = .trailers(next: lineEnd + 2) // trailer fields are not used
            case .untilClose(let start):
                guard buffer.count - start <= bodyLimit else {
                    throw Malformed(reason: "the body exceeds \(Self.size(bodyLimit))")
                }
                return nil
            case .done:
                return nil
            }
        }
    }

    /// Adds `count` metadata bytes to the response's total (`pending`: bytes of a line not yet
    /// complete, checked but not added); throws once the total passes the cap.
    private mutating func countMetadata(_ count: Int, pending: Bool = false) throws(Malformed) {
        let total = metadataBytes + count
        guard total <= headLimit else {
            throw Malformed(reason: "the response's head, chunk extensions and trailers exceed \(Self.size(headLimit)) in total")
        }
        if !pending { metadataBytes = total }
    }

    /// Throws when the body, up to `end` in `buffer`, passes the body cap.
    private func countBody(upTo end: Int) throws(Malformed) {
        guard end - bodyStart <= bodyLimit else { throw Malformed(reason: "the body exceeds \(Self.size(bodyLimit))") }
    }

    /// `64 KiB`, `64 MiB` or bytes, for messages.
    private static func size(_ bytes: Int) -> String {
        if bytes >= 1024 * 1024, bytes % (1024 * 1024) == 0 { return "\(bytes / (1024 * 1024)) MiB" }
        if bytes >= 1024, bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
        return "\(bytes) bytes"
    }

    private mutating func complete(keepAlive: Bool, end: Int) -> Parsed {
        state = .done
        let extra = buffer.count > end
        buffer = []
        return Parsed(
            response: TransportResponse(status: status, headers: headers, body: body), keepAlive: keepAlive && !extra)
    }

    /// Reads the status line and headers in `buffer[..<end]`; returns how the body is framed.
    private mutating func parseHead(upTo end: Int) throws(Malformed) -> Framing {
        guard let statusEnd = Self.lineEnd(in: buffer, from: 0), statusEnd <= end else {
            throw Malformed(reason: "no status line")
        }
        // "HTTP/1.1 200 OK": version, space, three digits, then a space or the end of the line.
        let line = buffer[0..<statusEnd]
        guard line.count >= 12, line.starts(with: Self.httpSlashOne), line[line.startIndex + 6] == UInt8(ascii: "."),
            line[line.startIndex + 8] == UInt8(ascii: " ")
        else {
            throw Malformed(reason: "not an HTTP/1.x status line: '\(Self.printable(line))'")
        }
        let minor = line[line.startIndex + 7]
        guard minor == UInt8(ascii: "0") || minor == UInt8(ascii: "1") else {
            throw Malformed(reason: "not an HTTP/1.x status line: '\(Self.printable(line))'")
        }
        var code = 0
        for index in 9..<12 {
            let digit = line[line.startIndex + index]
            guard (48...57).contains(digit) else { throw Malformed(reason: "the status code is not three digits") }
            code = code * 10 + Int(digit - 48)
        }
        guard line.count == 12 || line[line.startIndex + 12] == UInt8(ascii: " ") else {
            throw Malformed(reason: "the status code is not three digits")
        }
        status = code
        var connectionClose = minor == UInt8(ascii: "0")
        var contentLength: Int?
        var chunked = false
        var otherTransferCoding = false
        var position = statusEnd + 2
        headers = []
        headers.reserveCapacity(12) // a typical answer's head in one allocation, not four as it grows
        while position < end {
            guard let lineEnd = Self.lineEnd(in: buffer, from: position), lineEnd <= end else { break }
            let field = buffer[position..<lineEnd]
            position = lineEnd + 2
            guard let colon = field.firstIndex(of: UInt8(ascii: ":")), colon > field.startIndex else {
                throw Malformed(reason: "a header line has no name: '\(Self.printable(field))'")
            }
            let nameBytes = field[field.startIndex..<colon]
            guard !nameBytes.contains(where: { $0 == 32 || $0 == 9 }) else {
                throw Malformed(reason: "a header name contains white space")
            }
            let valueBytes = Self.trimmed(field[(colon + 1)...])
            let name = String(decoding: nameBytes, as: UTF8.self)
            let value = String(decoding: valueBytes, as: UTF8.self)
            headers.append(HTTPHeader(name, value))
            switch nameBytes.count {
            case 14 where Self.equalsLowercased(nameBytes, Self.contentLength):
                guard !valueBytes.isEmpty, valueBytes.count <= 18, valueBytes.allSatisfy({ (48...57).contains($0) }),
                    let length = Int(value)
                else {
                    throw Malformed(reason: "Content-Length is not a number: '\(value)'")
                }
                if let contentLength, contentLength != length { throw Malformed(reason: "two different Content-Length values") }
                guard length <= bodyLimit else { throw Malformed(reason: "the body exceeds \(Self.size(bodyLimit))") }
                contentLength = length
            case 17 where Self.equalsLowercased(nameBytes, Self.transferEncoding):
                // The last coding decides: chunked framing, or (anything else) read until close.
                let last = value.split(separator: ",").last.map { String($0).trimmingSpaces.lowercased() } ?? ""
                chunked = last == "chunked"
                otherTransferCoding = !chunked
            case 10 where Self.equalsLowercased(nameBytes, Self.connection):
                for token in valueBytes.split(separator: UInt8(ascii: ",")) {
                    let token = Self.trimmed(token)
                    if Self.equalsLowercased(token, Self.close) {
                        connectionClose = true
                    } else if Self.equalsLowercased(token, Self.keepAliveToken), minor == UInt8(ascii: "0") {
                        connectionClose = false
                    }
                }
            default:
                break
            }
        }
        keepAlive = !connectionClose
        if status == 204 || status == 304 || (100..<200).contains(status) { return .length(0) }
        if chunked {
            // Content-Length beside Transfer-Encoding is a framing conflict: read, then close.
            if contentLength != nil { keepAlive = false }
            return .chunked
        }
        if otherTransferCoding {
            keepAlive = false
            return .untilClose
        }
        if let contentLength { return .length(contentLength) }
        keepAlive = false
        return .untilClose
    }

    // MARK: - Bytes

    private static let httpSlashOne = Array("HTTP/1".utf8)
    private static let contentLength = Array("content-length".utf8)
    private static let transferEncoding = Array("transfer-encoding".utf8)
    private static let connection = Array("connection".utf8)
    private static let close = Array("close".utf8)
    private static let keepAliveToken = Array("keep-alive".utf8)

    /// The index of the CR of the first CRLFCRLF at or after `from`.
    private static func blankLine(in bytes: [UInt8], from: Int) -> Int? {
        guard bytes.count >= 4 else { return nil }
        var index = from
        while index + 3 < bytes.count {
            if bytes[index + 3] != 10 {
                index += bytes[index + 3] == 13 ? 1 : 4
                continue
            }
            if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 13 { return index }
            index += 1
        }
        return nil
    }

    /// The index of the CR of the first CRLF at or after `from`.
    private static func lineEnd(in bytes: [UInt8], from: Int) -> Int? {
        var index = from
        while index + 1 < bytes.count {
            if bytes[index] == 13, bytes[index + 1] == 10 { return index }
            index += 1
        }
        return nil
    }

    /// A chunk-size line: hex digits, optionally followed by `;extensions`. Returns the size and
    /// the number of digits (the rest of the line is extensions).
    private static func chunkSize(_ line: ArraySlice<UInt8>) throws(Malformed) -> (size: Int, digits: Int) {
        var size = 0
        var digits = 0
        for byte in line {
            let value: Int
            switch byte {
            case 48...57: value = Int(byte - 48)
            case 65...70: value = Int(byte - 55)
            case 97...102: value = Int(byte - 87)
            case 59, 32, 9: // ';' starts extensions (ignored); spaces may precede it
                guard digits > 0 else { throw Malformed(reason: "a chunk size is not hexadecimal") }
                return (size, digits)
            default:
                throw Malformed(reason: "a chunk size is not hexadecimal")
            }
            digits += 1
            guard digits <= 8 else { throw Malformed(reason: "a chunk is too large") }
            size = size * 16 + value
        }
        guard digits > 0 else { throw Malformed(reason: "a chunk size is missing") }
        return (size, digits)
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, first == 32 || first == 9 { slice = slice.dropFirst() }
        while let last = slice.last, last == 32 || last == 9 { slice = slice.dropLast() }
        return slice
    }

    /// Whether `bytes`, ASCII-lowercased, equal `lowercase`.
    private static func equalsLowercased(_ bytes: ArraySlice<UInt8>, _ lowercase: [UInt8]) -> Bool {
        guard bytes.count == lowercase.count else { return false }
        var index = bytes.startIndex
        for expected in lowercase {
            let byte = bytes[index]
            let lowered = (65...90).contains(byte) ? byte | 0x20 : byte
            if lowered != expected { return false }
            index += 1
        }
        return true
    }

    /// Bytes for an error message: printable ASCII, at most 80 characters.
    private static func printable(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.prefix(80).map { (32..<127).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }
}
