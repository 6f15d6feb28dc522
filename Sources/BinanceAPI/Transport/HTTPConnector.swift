import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Opens one connection of the pool, ready for requests: TCP to the endpoint (or to the proxy,
/// then a CONNECT tunnel to the endpoint), then — for https — TLS with the chain and the host
/// name verified, then the ``HTTP1Connection`` handler. http and https differ only in the TLS
/// step, so every request takes the same path (issue 14).
///
/// Every failure here happens before a request byte is written: it is a
/// ``TransportError/connectFailed(_:)`` whose text says which step failed and why, in words
/// (the proxy or the exchange; refused, unknown CA, expired, wrong host name, handshake).
/// The whole set-up is bounded by the connect timeout.
struct HTTPConnector: Sendable {
    let endpoint: HTTP1ConnectionPool.Endpoint
    let proxy: HTTPProxy?
    /// The TLS context, for https endpoints.
    let tls: TLSClientContext?
    let eventLoop: any EventLoop
    let timeout: TimeAmount

    /// Connects and adds `connection` as the channel's last handler.
    func connect(_ connection: HTTP1Connection) async throws(TransportError) {
        // Read the CA bundle (first https connection only) before any socket is opened.
        let sslContext: NIOSSLContext?
        do {
            sslContext = try tls?.context()
        } catch {
            throw .connectFailed(error.message)
        }
        if sslContext != nil, proxy != nil, endpoint.isIPAddress {
            // Without a name, NIOSSL checks the certificate against the peer's address: the proxy's.
            throw .connectFailed(
                "an https endpoint written as an IP address cannot be verified through a proxy; use its host name")
        }
        let (host, port) = proxy.map { ($0.host, $0.port) } ?? (endpoint.host, endpoint.port)
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: eventLoop).connectTimeout(timeout).connect(host: host, port: port).get()
        } catch {
            if let proxy {
                throw .connectFailed(
                    "cannot connect to the proxy \(proxy.display) (\(proxy.origin)): \(HTTPTransport.reason(error))")
            }
            throw .connectFailed("cannot connect to \(endpoint.display): \(HTTPTransport.reason(error))")
        }
        // The deadline fails the step's promise itself: a close alone reaches no handler that
        // was added after the channel went inactive, and the await would never end.
        let expired = ConnectDeadline()
        let deadline = eventLoop.scheduleTask(in: timeout) {
            expired.expire()
            channel.close(promise: nil)
        }
        defer { deadline.cancel() }
        let within = HTTP1Connection.describe(timeout)
        if let proxy {
            do {
                try await tunnel(channel, through: proxy, deadline: expired)
            } catch {
                channel.close(promise: nil)
                if expired.hasExpired {
                    throw .connectFailed(
                        "the proxy \(proxy.display) did not open a tunnel to \(endpoint.display) within \(within)")
                }
                throw .connectFailed(
                    "the proxy \(proxy.display) (\(proxy.origin)) \(error.detail(sentCredentials: proxy.hasCredentials))")
            }
        }
        if let sslContext {
            let notes = TLSVerificationNotes()
            do {
                try await handshake(channel, context: sslContext, notes: notes, deadline: expired)
            } catch {
                channel.close(promise: nil)
                if expired.hasExpired {
                    throw .connectFailed("the TLS handshake with \(endpoint.display) did not complete within \(within)")
                }
                throw .connectFailed("TLS with \(endpoint.display) failed: \(notes.explain(error, host: endpoint.host))")
            }
        }
        do {
            try await channel.pipeline.addHandler(connection).get()
        } catch {
            channel.close(promise: nil)
            throw .connectFailed("cannot connect to \(endpoint.display): \(HTTPTransport.reason(error))")
        }
    }

    private func tunnel(_ channel: any Channel, through proxy: HTTPProxy, deadline: ConnectDeadline)
        async throws(HTTPTunnelFailure)
    {
        let opened = channel.eventLoop.makePromise(of: Void.self)
        deadline.watch(opened)
        let handler = HTTPTunnelHandler(target: endpoint.authority, authorization: proxy.authorization, promise: opened)
        do {
            try await channel.pipeline.addHandler(handler).get()
            try await opened.futureResult.get()
        } catch let failure as HTTPTunnelFailure {
            opened.fail(failure) // not added (the pipeline was closed): no one else completes it
            throw failure
        } catch {
            opened.fail(error)
            throw .error(HTTPTransport.reason(error))
        }
    }

    private func handshake(
        _ channel: any Channel, context: NIOSSLContext, notes: TLSVerificationNotes, deadline: ConnectDeadline
    ) async throws {
        let done = channel.eventLoop.makePromise(of: Void.self)
        deadline.watch(done)
        // SNI and the name check use the host name; an IP address is checked against the peer's address.
        let serverName = endpoint.isIPAddress ? nil : endpoint.host
        let factory: any TLSClientHandlerMaking.Type = TLSClientHandlerFactory.self
        do {
            try await channel.eventLoop.submit {
                let tls = try factory.make(context: context, serverHostname: serverName, notes: notes)
                try channel.pipeline.syncOperations.addHandler(tls)
                try channel.pipeline.syncOperations.addHandler(TLSReadyHandler(done: done))
            }.get()
            try await done.futureResult.get()
        } catch {
            done.fail(error) // the handlers were not added (the pipeline was closed): no one else completes it
            throw error
        }
    }
}

/// The connect timeout of one set-up: once expired it fails the pending step's promise (the
/// CONNECT answer or the TLS handshake) directly, and a promise watched later at once.
final class ConnectDeadline: Sendable {
    /// The connect timeout passed during a step.
    struct Expired: Error {}

    private let state = Mutex<(expired: Bool, pending: EventLoopPromise<Void>?)>((false, nil))

    var hasExpired: Bool { state.withLock { $0.expired } }

    /// `promise` is the step now awaited.
    func watch(_ promise: EventLoopPromise<Void>) {
        let expired = state.withLock { state in
            state.pending = promise
            return state.expired
        }
        if expired { promise.fail(Expired()) }
    }

    func expire() {
        let pending = state.withLock { state in
            state.expired = true
            defer { state.pending = nil }
            return state.pending
        }
        pending?.fail(Expired())
    }
}

/// Completes `done` when the TLS handshake completes or fails, then steps aside. Added to a
/// channel already inactive, or removed before the handshake ends, it fails `done` at once.
private final class TLSReadyHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private let done: EventLoopPromise<Void>
    private var finished = false

    init(done: EventLoopPromise<Void>) {
        self.done = done
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if !context.channel.isActive, !finished {
            finished = true
            done.fail(TLSClosed())
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        if !finished {
            finished = true
            done.fail(TLSClosed())
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent, !finished {
            finished = true
            done.succeed(())
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard !finished else { return context.fireErrorCaught(error) }
        finished = true
        done.fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if !finished {
            finished = true
            done.fail(TLSClosed())
        }
        context.fireChannelInactive()
    }
}

/// The server closed the connection during the handshake.
struct TLSClosed: Error {}

/// What certificate verification saw, to name the cause when it fails: BoringSSL reports only
/// "CERTIFICATE_VERIFY_FAILED", while a person needs to know whether the CA is unknown or the
/// certificate expired. Touched on the channel's event loop only.
final class TLSVerificationNotes: @unchecked Sendable {
    /// Validity of each certificate that failed verification, leaf last.
    private(set) var failures: [(notBefore: time_t, notAfter: time_t, subject: String)] = []

    /// The callback's body: records a failure, never changes the verdict.
    func record(_ result: NIOSSLVerificationResult, _ certificate: NIOSSLCertificate) -> NIOSSLVerificationResult {
        if result == .failed {
            let subject = certificate.subjectName.first { $0.type == .commonName }?.value ?? ""
            failures.append((certificate.notValidBefore, certificate.notValidAfter, subject))
        }
        return result
    }

    /// The cause of a failed handshake, in words a person can act on.
    func explain(_ error: any Error, host: String) -> String {
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return "wrong host name: the server's certificate is not valid for \(host)"
        }
        if error is TLSClosed {
            return "the server closed the connection during the handshake (is it a TLS server? an http:// endpoint?)"
        }
        let text = String(describing: error)
        if !failures.isEmpty || text.contains("CERTIFICATE_VERIFY_FAILED") {
            let now = time_t(Date().timeIntervalSince1970)
            if let expired = failures.first(where: { $0.notAfter < now }) {
                return "the server's certificate\(Self.named(expired.subject)) expired on \(Self.date(expired.notAfter))"
            }
            if let early = failures.first(where: { $0.notBefore > now }) {
                return "the server's certificate\(Self.named(early.subject)) is not valid before \(Self.date(early.notBefore))"
            }
            return "the server's certificate is not signed by a trusted CA (an unknown or private CA, or self-signed);"
                + " name its CA bundle with --ca-file, the profile's caFile or SSL_CERT_FILE"
        }
        if text.contains("WRONG_VERSION_NUMBER") || text.contains("PACKET_LENGTH_TOO_LONG") {
            return "handshake failure: the server does not speak TLS (is it an http:// endpoint?)"
        }
        if text.contains("UNSUPPORTED_PROTOCOL") || text.contains("TLSV1_ALERT_PROTOCOL_VERSION") {
            return "handshake failure: the server offers no TLS version from 1.2 up"
        }
        if let ssl = error as? NIOSSLError, case .uncleanShutdown = ssl {
            return "the server closed the connection during the handshake"
        }
        return "handshake failure: \(HTTPTransport.reason(error))"
    }

    private static func named(_ subject: String) -> String {
        subject.isEmpty
            ? ""
            : " (\(String(subject.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) }).prefix(80)))"
    }

    /// `2020-01-02 03:04:05 UTC`.
    private static func date(_ seconds: time_t) -> String {
        var time = seconds
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(parts.tm_year + 1900)-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday)) \(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec)) UTC"
    }
}

/// Makes the client handler with a verification callback that only records (see
/// ``TLSVerificationNotes``). NIOSSL marks that initializer deprecated in favour of custom
/// verification, which would replace BoringSSL's chain check; recording needs the plain one.
private protocol TLSClientHandlerMaking {
    static func make(context: NIOSSLContext, serverHostname: String?, notes: TLSVerificationNotes) throws -> NIOSSLClientHandler
}

private enum TLSClientHandlerFactory: TLSClientHandlerMaking {
    @available(*, deprecated, message: "uses NIOSSL's verification callback to record why verification failed")
    static func make(context: NIOSSLContext, serverHostname: String?, notes: TLSVerificationNotes) throws -> NIOSSLClientHandler {
        try NIOSSLClientHandler(context: context, serverHostname: serverHostname, verificationCallback: notes.record)
    }
}
