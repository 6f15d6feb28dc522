import Testing

@testable import BinanceAPI

/// The HTTP/1.1 response parser, fed whole and one byte at a time.
struct HTTP1ResponseParserTests {
    enum Fed: Equatable {
        case parsed(HTTP1ResponseParser.Parsed)
        case incomplete
        case malformed(String)
    }

    /// Feeds `text` in pieces of `step` bytes (0: at once); `close` ends the connection after.
    static func parse(_ text: String, step: Int = 0, close: Bool = false) -> Fed {
        var parser = HTTP1ResponseParser()
        let bytes = Array(text.utf8)
        let size = step == 0 ? max(1, bytes.count) : step
        var parsed: HTTP1ResponseParser.Parsed?
        do {
            var offset = 0
            while offset < bytes.count {
                let piece = Array(bytes[offset..<min(bytes.count, offset + size)])
                offset += size
                let result = try piece.withUnsafeBytes { bytes throws(HTTP1ResponseParser.Malformed) in try parser.feed(bytes) }
                if let result { parsed = result }
            }
            if parsed == nil, close { parsed = try parser.finish() }
        } catch {
            return .malformed((error as? HTTP1ResponseParser.Malformed)?.reason ?? "\(error)")
        }
        return parsed.map { .parsed($0) } ?? .incomplete
    }

    /// The same result whole and byte by byte.
    static func parseBothWays(_ text: String, close: Bool = false) -> Fed {
        let whole = parse(text, close: close)
        #expect(parse(text, step: 1, close: close) == whole)
        #expect(parse(text, step: 7, close: close) == whole)
        return whole
    }

    static func response(_ status: Int, _ headers: [HTTPHeader], _ body: String, keepAlive: Bool = true) -> Fed {
        .parsed(
            .init(response: TransportResponse(status: status, headers: headers, body: Array(body.utf8)), keepAlive: keepAlive))
    }

    @Test func contentLengthBodyAndHeadersInOrder() {
        let text = "HTTP/1.1 200 OK\r\nContent-Length: 7\r\nX-SAPI-USED-IP-WEIGHT-1M:  10 \r\nRetry-After:3\r\n\r\n{\"a\":1}"
        #expect(
            Self.parseBothWays(text)
                == Self.response(
                    200,
                    [
                        HTTPHeader("Content-Length", "7"), HTTPHeader("X-SAPI-USED-IP-WEIGHT-1M", "10"),
                        HTTPHeader("Retry-After", "3")
                    ],
                    "{\"a\":1}"))
    }

    @Test func chunkedBodyWithExtensionsAndTrailers() {
        let text =
            "HTTP/1.1 200 OK\r\ntransfer-encoding: gzip, Chunked\r\n\r\n4;x=y\r\n{\"a\"\r\nA\r\n:12345678}\r\n0\r\nT: 1\r\n\r\n"
        #expect(
            Self.parseBothWays(text)
                == Self.response(200, [HTTPHeader("transfer-encoding", "gzip, Chunked")], "{\"a\":12345678}"))
    }

    @Test func emptyChunkedBody() {
        #expect(
            Self.parseBothWays("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                == Self.response(200, [HTTPHeader("Transfer-Encoding", "chunked")], ""))
    }

    @Test func connectionCloseAndHTTP10() {
        #expect(
            Self.parseBothWays("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                == Self.response(
                    200, [HTTPHeader("Connection", "close"), HTTPHeader("Content-Length", "0")], "", keepAlive: false))
        #expect(
            Self.parseBothWays("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}")
                == Self.response(200, [HTTPHeader("Content-Length", "2")], "{}", keepAlive: false))
        #expect(
            Self.parseBothWays("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\n{}")
                == Self.response(200, [HTTPHeader("Connection", "Keep-Alive"), HTTPHeader("Content-Length", "2")], "{}"))
    }

    @Test func aBodyWithoutLengthLastsUntilTheConnectionCloses() {
        let text = "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n\r\n<html>bad</html>"
        #expect(Self.parseBothWays(text) == .incomplete)
        #expect(
            Self.parseBothWays(text, close: true)
                == Self.response(502, [HTTPHeader("Content-Type", "text/html")], "<html>bad</html>", keepAlive: false))
    }

    @Test func interimAnswersAreSkippedAndNoContentHasNoBody() {
        #expect(
            Self.parseBothWays("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\nX-A: b\r\n\r\n")
                == Self.response(204, [HTTPHeader("X-A", "b")], ""))
    }

    @Test func aStatusLineWithoutReasonIsRead() {
        #expect(
            Self.parseBothWays("HTTP/1.1 418\r\nContent-Length: 0\r\n\r\n")
                == Self.response(418, [HTTPHeader("Content-Length", "0")], ""))
    }

    @Test func bytesAfterTheAnswerEndKeepAlive() {
        #expect(
            Self.parse("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}HTTP/1.1 200 OK")
                == Self.response(200, [HTTPHeader("Content-Length", "2")], "{}", keepAlive: false))
    }

    @Test func anAnswerCutShortIsIncompleteAndFailsAtClose() {
        let text = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{\"a\""
        #expect(Self.parseBothWays(text) == .incomplete)
        #expect(Self.parse(text, close: true) == .malformed("the connection ended in the middle of the response"))
        #expect(Self.parse("", close: true) == .malformed("the connection ended before any answer"))
    }

    @Test(arguments: [
        "SMTP ready\r\n\r\n",
        "HTTP/2 200 OK\r\n\r\n",
        "HTTP/1.1 2x0 OK\r\n\r\n",
        "HTTP/1.1 2000 OK\r\n\r\n",
        "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
        "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n"
    ])
    func malformedAnswersAreRefused(text: String) {
        guard case .malformed = Self.parse(text) else {
            Issue.record("accepted: \(text.debugDescription)")
            return
        }
        guard case .malformed = Self.parse(text, step: 1) else {
            Issue.record("accepted byte by byte: \(text.debugDescription)")
            return
        }
    }

    @Test func anEndlessHeadIsRefused() {
        let text = "HTTP/1.1 200 OK\r\n" + String(repeating: "X-Filler: 0123456789\r\n", count: 4000)
        #expect(Self.parse(text) == .malformed(Self.metadataCap))
    }

    // MARK: - Total caps (issue 13): every line was capped, their sum was not

    static let metadataCap = "the response's head, chunk extensions and trailers exceed 64 KiB in total"
    static let chunkedHead = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"

    /// Feeds `head`, then `piece` `count` times, then `tail`, without building the whole text.
    static func feedRepeated(
        _ parser: inout HTTP1ResponseParser, head: String, piece: String, count: Int, tail: String
    ) -> Fed {
        do {
            var parsed: HTTP1ResponseParser.Parsed?
            for (text, times) in [(head, 1), (piece, count), (tail, 1)] {
                let bytes = Array(text.utf8)
                for _ in 0..<times {
                    let result = try bytes.withUnsafeBytes { bytes throws(HTTP1ResponseParser.Malformed) in try parser.feed(bytes)
                    }
                    if let result { parsed = result }
                }
            }
            return parsed.map { .parsed($0) } ?? .incomplete
        } catch {
            return .malformed((error as? HTTP1ResponseParser.Malformed)?.reason ?? "\(error)")
        }
    }

    @Test func manyShortTrailerLinesAreCappedInTotal() {
        // 200 KiB of trailers in 20-byte lines: each line is short, the sum is not.
        var parser = HTTP1ResponseParser()
        let fed = Self.feedRepeated(
            &parser, head: Self.chunkedHead + "2\r\n{}\r\n0\r\n", piece: "X-Trailer: 01234567\r\n", count: 10_000, tail: "\r\n")
        #expect(fed == .malformed(Self.metadataCap))
    }

    @Test func chunkExtensionsAreCappedInTotal() {
        // 1-byte chunks each with a 3,000-byte extension: 90 KiB of extensions for 30 body bytes.
        var parser = HTTP1ResponseParser()
        let piece = "1;" + String(repeating: "e", count: 3000) + "\r\nx\r\n"
        let fed = Self.feedRepeated(&parser, head: Self.chunkedHead, piece: piece, count: 30, tail: "0\r\n\r\n")
        #expect(fed == .malformed(Self.metadataCap))
    }

    @Test func endlessInterimAnswersAreCappedInTotal() {
        var parser = HTTP1ResponseParser()
        let fed = Self.feedRepeated(
            &parser, head: "", piece: "HTTP/1.1 100 Continue\r\n\r\n", count: 5_000,
            tail: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
        #expect(fed == .malformed(Self.metadataCap))
    }

    @Test func metadataUnderTheCapIsRead() {
        var parser = HTTP1ResponseParser()
        let fed = Self.feedRepeated(
            &parser, head: Self.chunkedHead + "2;a=b\r\n{}\r\n0\r\n", piece: "X-Trailer: 01234567\r\n", count: 1_000, tail: "\r\n"
        )
        #expect(fed == Self.response(200, [HTTPHeader("Transfer-Encoding", "chunked")], "{}"))
    }

    @Test func chunkFramingCountsTowardsTheBodyCap() {
        // 300 one-byte chunks: 300 body bytes, 1,800 bytes on the wire; the cap is 1,000.
        var parser = HTTP1ResponseParser(headLimit: 64 * 1024, bodyLimit: 1_000)
        let fed = Self.feedRepeated(&parser, head: Self.chunkedHead, piece: "1\r\nx\r\n", count: 300, tail: "0\r\n\r\n")
        #expect(fed == .malformed("the body exceeds 1000 bytes"))
        var small = HTTP1ResponseParser(headLimit: 64 * 1024, bodyLimit: 1_000)
        let fits = Self.feedRepeated(&small, head: Self.chunkedHead, piece: "1\r\nx\r\n", count: 100, tail: "0\r\n\r\n")
        #expect(fits == Self.response(200, [HTTPHeader("Transfer-Encoding", "chunked")], String(repeating: "x", count: 100)))
    }

    @Test func theDefaultCapsAreTheDocumentedOnes() {
        let parser = HTTP1ResponseParser()
        #expect(parser.headLimit == 64 * 1024)
        #expect(parser.bodyLimit == 64 * 1024 * 1024)
    }
}
