import NIOCore
import NIOEmbedded
import Testing

@testable import BinanceAPI

/// The CONNECT handshake with a proxy, fed its answer in pieces on an EmbeddedChannel (issue 14).
struct HTTPTunnelHandlerTests {
    /// Adds the handler to an active channel, feeds `answer` `step` bytes at a time, and returns
    /// what was written, the promise's result, and whether the handler stepped aside.
    static func run(_ answer: String, step: Int) throws -> (request: String, result: Result<Void, any Error>?, removed: Bool) {
        let channel = EmbeddedChannel()
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 3128)).wait()
        let promise = channel.eventLoop.makePromise(of: Void.self)
        var result: Result<Void, any Error>?
        promise.futureResult.whenComplete { result = $0 }
        let handler = HTTPTunnelHandler(target: "api.binance.com:443", authorization: "Basic eDp5", promise: promise)
        try channel.pipeline.syncOperations.addHandler(handler)
        var written = ""
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) { written += String(buffer: buffer) }
        let bytes = Array(answer.utf8)
        var offset = 0
        while offset < bytes.count, result == nil {
            let piece = bytes[offset..<min(bytes.count, offset + step)]
            offset += step
            try channel.writeInbound(ByteBuffer(bytes: piece))
        }
        let removed = (try? channel.pipeline.syncOperations.context(handlerType: HTTPTunnelHandler.self)) == nil
        _ = try? channel.finish()
        return (written, result, removed)
    }

    @Test(arguments: [1, 5, 1000])
    func a200OpensTheTunnelAndStepsAside(step: Int) throws {
        let run = try Self.run("HTTP/1.1 200 Connection Established\r\nProxy-Agent: test\r\n\r\n", step: step)
        #expect(
            run.request
                == "CONNECT api.binance.com:443 HTTP/1.1\r\nHost: api.binance.com:443\r\nProxy-Authorization: Basic eDp5\r\n\r\n")
        guard case .success = run.result else {
            Issue.record("not opened: \(String(describing: run.result))")
            return
        }
        #expect(run.removed)
    }

    @Test(arguments: [1, 1000])
    func a407IsARefusalWithItsStatusAndReason(step: Int) throws {
        let run = try Self.run("HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n", step: step)
        guard case .failure(let error) = run.result, let failure = error as? HTTPTunnelFailure else {
            Issue.record("\(String(describing: run.result))")
            return
        }
        #expect(failure == .refused(status: 407, reason: "Proxy Authentication Required"))
    }

    @Test func anEndlessOrGarbledAnswerIsRefused() throws {
        let endless = try Self.run("HTTP/1.1 200 OK\r\n" + String(repeating: "X: y\r\n", count: 4000), step: 512)
        guard case .failure(let error) = endless.result else {
            Issue.record("accepted an endless head")
            return
        }
        #expect(error as? HTTPTunnelFailure == .malformed("its answer to CONNECT exceeds 16 KiB"))
        let garbled = try Self.run("SSH-2.0-OpenSSH\r\n\r\n", step: 1000)
        guard case .failure(let garbledError) = garbled.result, case .malformed = garbledError as? HTTPTunnelFailure else {
            Issue.record("accepted a non-HTTP answer")
            return
        }
        let early = try Self.run("HTTP/1.1 200 OK\r\n\r\nHTTP/1.1 200 OK", step: 1000)
        #expect(early.result.map { if case .failure = $0 { true } else { false } } == true, "bytes after the answer must fail")
    }
}
