import NIOSSL

/// The simulator's TLS identity for `bnc sim --tls-cert FILE --tls-key FILE`: a certificate
/// chain and its private key (PEM), so clients test https end to end against a CA of their own.
/// Loaded once at start; a bad file stops the start with a message, before anything listens.
public struct SimulatorTLS: Sendable {
    let context: NIOSSLContext

    /// Reads the PEM certificate chain (leaf first) and the PEM private key.
    public init(certificateFile: String, keyFile: String) throws(SimulatorTLSError) {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificateFile)
        } catch {
            throw SimulatorTLSError(message: "--tls-cert \(certificateFile): not a readable PEM certificate (\(error))")
        }
        guard !chain.isEmpty else { throw SimulatorTLSError(message: "--tls-cert \(certificateFile): holds no certificate") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: keyFile, format: .pem)
        } catch {
            throw SimulatorTLSError(message: "--tls-key \(keyFile): not a readable PEM private key (\(error))")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw SimulatorTLSError(
                message: "--tls-cert/--tls-key: the key does not fit the certificate, or TLS cannot use them (\(error))")
        }
    }

    /// The handler that terminates TLS on one accepted connection.
    func handler() -> NIOSSLServerHandler {
        NIOSSLServerHandler(context: context)
    }
}

/// A TLS certificate or key the simulator cannot use; nothing was started.
public struct SimulatorTLSError: Error, Sendable, Hashable {
    public var message: String
}
