import Foundation

/// The system `openssl`, so tests check bnc's signatures against an implementation that shares
/// no code with it.
public enum OpenSSL {
    /// openssl could not be run or exited with an error.
    public struct Failure: Error, CustomStringConvertible {
        /// The command and what it said.
        public var description: String
    }

    /// Runs `openssl ARGUMENTS` with `input` on standard input; returns its standard output.
    @discardableResult
    public static func run(_ arguments: [String], input: [UInt8] = []) throws -> [UInt8] {
        let output: ProcessOutput
        do {
            output = try ChildProcess.run("/usr/bin/env", ["openssl"] + arguments, stdin: input)
        } catch {
            throw Failure(description: "cannot run openssl: \(error)")
        }
        guard output.status == 0 else {
            throw Failure(
                description: "openssl \(arguments.joined(separator: " ")) exited \(output.status): \(output.stderr)")
        }
        return output.standardOutput
    }

    /// A new private key (`ED25519` or `RSA` of `bits`) in a temporary PEM file; returns its path
    /// and text. The caller removes the file.
    public static func generateKey(_ algorithm: String, bits: Int = 2048) throws -> (path: String, pem: String) {
        let path = NSTemporaryDirectory() + "bnc-test-\(algorithm)-\(UUID().uuidString).pem"
        var arguments = ["genpkey", "-algorithm", algorithm, "-out", path]
        if algorithm == "RSA" { arguments += ["-pkeyopt", "rsa_keygen_bits:\(bits)"] }
        try run(arguments)
        return (path, try String(contentsOfFile: path, encoding: .utf8))
    }

    /// The base64 Ed25519 signature of `payload` with the key at `keyPath`.
    public static func ed25519Sign(_ payload: String, keyPath: String) throws -> String {
        // openssl 3.0's one-shot Ed25519 signing needs the input's size: a file, not a pipe.
        let input = NSTemporaryDirectory() + "bnc-test-payload-\(UUID().uuidString)"
        try Data(payload.utf8).write(to: URL(fileURLWithPath: input))
        defer { try? FileManager.default.removeItem(atPath: input) }
        return Data(try run(["pkeyutl", "-sign", "-rawin", "-inkey", keyPath, "-in", input])).base64EncodedString()
    }

    /// The base64 RSA PKCS#1 v1.5 SHA-256 signature of `payload` with the key at `keyPath`.
    public static func rsaSign(_ payload: String, keyPath: String) throws -> String {
        Data(try run(["dgst", "-sha256", "-sign", keyPath], input: Array(payload.utf8))).base64EncodedString()
    }

    /// The lowercase hex HMAC-SHA256 of `payload` with `secret`.
    public static func hmac(_ payload: String, secret: String) throws -> String {
        let output = String(decoding: try run(["dgst", "-sha256", "-hmac", secret], input: Array(payload.utf8)), as: UTF8.self)
        // "SHA2-256(stdin)= <hex>" or "(stdin)= <hex>" depending on the version.
        return String(output.split(separator: " ").last ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
