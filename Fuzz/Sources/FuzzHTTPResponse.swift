import BinanceAPI
import SessionLog

/// The HTTP/1.1 response parser (``HTTP1ResponseParser``), fed the input as one read, one byte
/// per read, and in pieces of pseudo-random sizes: every way must give the same answer, since
/// where TCP splits a response is up to the network.
///
/// Invariants: the same response (status, headers, body) or a refusal in each feeding; the same
/// keep-alive decision unless bytes follow the response in a later read (the parser cannot see
/// those); under small caps, the same agreement, and a cap only turns an answer into a refusal
/// (so the caps are crossed by fuzz inputs, and where a response crosses one does not depend
/// on how it was split); a body framed by Content-Length has that length; the body as a session log stores
/// it (``ResponseBody``) gives back the exact bytes, which `replay --offline` serves.
enum FuzzHTTPResponse {
    /// What one feeding produced: the response and keep-alive, or the refusal.
    enum Result: Equatable {
        case parsed(TransportResponse, keepAlive: Bool, trailingInLaterRead: Bool)
        case malformed(String)
    }

    /// Caps small enough for fuzz inputs to cross them (the real ones are 64 KiB and 64 MiB).
    static let smallHeadLimit = 300
    static let smallBodyLimit = 600

    static func run(_ bytes: UnsafeRawBufferPointer) throws(FuzzViolation) {
        let input = Array(bytes)
        let whole = feed(input, pieces: [input.count])
        let single = feed(input, pieces: Array(repeating: 1, count: input.count))
        let random = feed(input, pieces: pieceSizes(for: input))
        for (name, other) in [("byte by byte", single), ("in pieces", random)] {
            try compare(whole, other, name)
        }
        // With small caps: the same agreement, and a cap only ever turns an answer into a
        // refusal — never into another answer, never a refusal into an answer.
        let capped = feed(input, pieces: [input.count], small: true)
        try compare(capped, feed(input, pieces: pieceSizes(for: input), small: true), "in pieces under small caps")
        try compare(
            capped, feed(input, pieces: Array(repeating: 1, count: input.count), small: true), "byte by byte under small caps")
        switch (capped, whole) {
        case (.parsed(let small, _, _), .parsed(let large, _, _)):
            try require(small == large, "small caps changed the response")
            try require(
                small.body.count <= smallBodyLimit, "a body of \(small.body.count) bytes passed a cap of \(smallBodyLimit)")
        case (.parsed, .malformed(let reason)):
            throw FuzzViolation("refused with the real caps (\(reason)) but read with small ones")
        default:
            break
        }
        if case .parsed(let response, _, _) = whole {
            // Three digits: 000 to 999 (a status below 100 is read as given; the client's
            // outcome rule decides what it means).
            try require(
                (0...999).contains(response.status) && !(100..<200).contains(response.status), "status \(response.status)")
            if let length = response.headers.first(where: { $0.name.lowercased() == "content-length" }),
                !response.headers.contains(where: { $0.name.lowercased() == "transfer-encoding" }),
                let expected = Int(length.value), response.status != 204, response.status != 304
            {
                try require(
                    response.body.count == expected, "Content-Length \(expected) but a body of \(response.body.count) bytes")
            }
            try require(response.body.count <= input.count, "a body longer than the input")
            let stored = ResponseBody(bytes: response.body)
            try require(stored.bytes == response.body, "the body as logged (\(stored)) does not give back its bytes")
        }
    }

    /// Feeding in one read is the reference: `other` must agree with it.
    static func compare(_ whole: Result, _ other: Result, _ name: String) throws(FuzzViolation) {
        switch (whole, other) {
        case (.malformed, .malformed):
            break
        case (.parsed(let a, let keepA, _), .parsed(let b, let keepB, let later)):
            try require(a == b, "fed \(name), the response differs: \(a) vs \(b)")
            // Bytes after the response but in a later read: the parser has already answered
            // (the connection notices them); in one read it says "do not reuse".
            try require(keepA == keepB || (later && !keepA), "fed \(name), keep-alive \(keepB) but \(keepA) in one read")
        default:
            throw FuzzViolation("fed in one read: \(whole); fed \(name): \(other)")
        }
    }

    /// Feeds `input` in reads of the given sizes (the last one takes the rest), then ends the
    /// connection if no response was complete.
    static func feed(_ input: [UInt8], pieces: [Int], small: Bool = false) -> Result {
        var parser = small ? HTTP1ResponseParser(headLimit: smallHeadLimit, bodyLimit: smallBodyLimit) : HTTP1ResponseParser()
        var offset = 0
        for size in pieces where offset < input.count {
            let end = min(input.count, offset + max(1, size))
            var outcome: Result?
            input[offset..<end].withUnsafeBytes { piece in
                do throws(HTTP1ResponseParser.Malformed) {
                    if let parsed = try parser.feed(piece.bytes) {
                        outcome = .parsed(parsed.response, keepAlive: parsed.keepAlive, trailingInLaterRead: end < input.count)
                    }
                } catch {
                    outcome = .malformed(error.reason)
                }
            }
            if let outcome { return outcome }
            offset = end
        }
        do {
            let parsed = try parser.finish()
            return .parsed(parsed.response, keepAlive: parsed.keepAlive, trailingInLaterRead: false)
        } catch {
            return .malformed(error.reason)
        }
    }

    /// Read sizes from 1 to 64 bytes, drawn from a generator seeded by the input itself, so a
    /// replay splits the same way.
    static func pieceSizes(for input: [UInt8]) -> [Int] {
        var state: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in input { state = (state ^ UInt64(byte)) &* 0x100_0000_01B3 }
        var sizes: [Int] = []
        var total = 0
        while total < input.count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let size = 1 + Int((state >> 33) % 64)
            sizes.append(size)
            total += size
        }
        return sizes
    }
}
