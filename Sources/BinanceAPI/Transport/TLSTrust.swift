import NIOSSL
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which certificate authorities an https connection trusts: the system store, or a PEM bundle
/// that replaces it (`--ca-file`, the profile's `caFile`, `SSL_CERT_FILE`, in that order).
///
/// Nothing is read until the first https connection (``HTTPTransport`` asks ``TLSClientContext``
/// then): a run against http or the simulator never touches the file or the system store.
public struct TLSTrust: Sendable, Hashable, CustomStringConvertible {
    public enum Source: Sendable, Hashable {
        /// The system's roots (on Linux the distribution's bundle, as OpenSSL finds it).
        case system
        /// A PEM bundle; `setting` names where it was chosen (`--ca-file`, `profile caFile`, `SSL_CERT_FILE`).
        case file(path: String, setting: String)
    }

    public var source: Source

    public init(_ source: Source) { self.source = source }

    /// The system store.
    public static let system = TLSTrust(.system)

    /// The first of `option` (`--ca-file`), `profileFile` (`caFile`) and `SSL_CERT_FILE` that is
    /// set; the system store when none is.
    public static func resolve(option: String?, profileFile: String?, environment: [String: String]) -> TLSTrust {
        if let option, !option.isEmpty { return TLSTrust(.file(path: option, setting: "--ca-file")) }
        if let profileFile, !profileFile.isEmpty { return TLSTrust(.file(path: profileFile, setting: "profile caFile")) }
        if let file = environment["SSL_CERT_FILE"], !file.isEmpty { return TLSTrust(.file(path: file, setting: "SSL_CERT_FILE")) }
        return .system
    }

    public var description: String {
        switch source {
        case .system: return "the system trust store"
        case .file(let path, let setting): return "\(path) (\(setting))"
        }
    }

    /// The largest CA bundle read (the system's is about 200 KiB).
    static let maxBundleBytes = 16 * 1024 * 1024

    /// The TLS client configuration: chain and host name verified, TLS 1.2 or later, these roots.
    func configuration() throws(TLSTrustError) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        configuration.certificateVerification = .fullVerification
        switch source {
        case .system:
            configuration.trustRoots = .default
        case .file(let path, let setting):
            configuration.trustRoots = .certificates(try Self.certificates(path: path, setting: setting))
        }
        return configuration
    }

    /// The certificates of the PEM bundle at `path`; an unreadable, oversized or certificate-less
    /// file is an error that names the setting.
    static func certificates(path: String, setting: String) throws(TLSTrustError) -> [NIOSSLCertificate] {
        let data: Data
        switch readBounded(path, limit: maxBundleBytes) {
        case .success(let bytes): data = Data(bytes)
        case .failure(.notRegular):
            throw TLSTrustError(setting: setting, path: path, reason: "not a regular file; not a CA bundle")
        case .failure(.tooLarge):
            throw TLSTrustError(setting: setting, path: path, reason: "larger than 16 MiB; not a CA bundle")
        case .failure(.unreadable(let reason)):
            throw TLSTrustError(setting: setting, path: path, reason: "cannot read it (\(reason))")
        }
        guard data.firstRange(of: Data("-----BEGIN CERTIFICATE-----".utf8)) != nil else {
            throw TLSTrustError(setting: setting, path: path, reason: "holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
        }
        do {
            return try NIOSSLCertificate.fromPEMBytes(Array(data))
        } catch {
            throw TLSTrustError(setting: setting, path: path, reason: "holds a certificate that cannot be read (\(error))")
        }
    }
}

enum BoundedReadFailure: Error {
    case notRegular, tooLarge
    case unreadable(String)
}

/// At most `limit` bytes of the regular file at `path`. Opened non-blocking (a FIFO must not
/// block the caller, who holds the context's lock) and checked through the descriptor: a device
/// (`/dev/zero`), FIFO or directory is refused before a byte is read, and at most `limit` + 1
/// bytes are read whatever the size claims (a file growing meanwhile stays bounded).
func readBounded(_ path: String, limit: Int) -> Result<[UInt8], BoundedReadFailure> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
    guard descriptor >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
    guard status.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
    guard status.st_size <= off_t(limit) else { return .failure(.tooLarge) }
    var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
    var count = 0
    while count < limit + 1 {
        if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - count))) }
        let got = bytes.withUnsafeMutableBytes { buffer in
            boundedSystemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
        }
        if got < 0 {
            if errno == EINTR { continue }
            return .failure(.unreadable(String(cString: strerror(errno))))
        }
        if got == 0 { break }
        count += got
    }
    guard count <= limit else { return .failure(.tooLarge) }
    return .success(Array(bytes[..<count]))
}

private func boundedSystemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.read(descriptor, buffer, count)
    #else
        return Darwin.read(descriptor, buffer, count)
    #endif
}

/// A CA bundle that cannot be used; nothing was sent.
public struct TLSTrustError: Error, Sendable, Hashable {
    public var setting: String
    public var path: String
    public var reason: String

    public var message: String { "the CA bundle \(path) (\(setting)) cannot be used: \(reason)" }
}

/// The TLS client context of a transport, made on the first https connection and kept: the
/// bundle is read and parsed once, and the system store is never read for http.
final class TLSClientContext: Sendable {
    let trust: TLSTrust
    private let made = Mutex<Result<NIOSSLContext, TLSTrustError>?>(nil)

    init(trust: TLSTrust) {
        self.trust = trust
    }

    /// The context, made now if this is the first call. A failure is kept too (it would fail again).
    func context() throws(TLSTrustError) -> NIOSSLContext {
        let result = made.withLock { made in
            if let made { return made }
            let result = Self.make(trust)
            made = result
            return result
        }
        return try result.get()
    }

    private static func make(_ trust: TLSTrust) -> Result<NIOSSLContext, TLSTrustError> {
        let configuration: TLSConfiguration
        do throws(TLSTrustError) {
            configuration = try trust.configuration()
        } catch {
            return .failure(error)
        }
        do {
            return .success(try NIOSSLContext(configuration: configuration))
        } catch {
            let (path, setting) = trust.location
            return .failure(TLSTrustError(setting: setting, path: path, reason: "\(error)"))
        }
    }
}

extension TLSTrust {
    /// The path and setting for messages (the system store has neither).
    fileprivate var location: (path: String, setting: String) {
        switch source {
        case .system: return ("(system)", "the system trust store")
        case .file(let path, let setting): return (path, setting)
        }
    }
}
