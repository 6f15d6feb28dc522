import Foundation

/// Runs the system `openssl` so tests check signatures against an independent implementation.
enum OpenSSL {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs openssl with `arguments`, feeding `input` on stdin; returns stdout.
    @discardableResult
    static func run(_ arguments: [String], input: [UInt8] = []) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        // openssl may exit before reading all input; a write to its closed pipe must not kill the tests.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        if !input.isEmpty { stdin.fileHandleForWriting.write(Data(input)) }
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "openssl \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return Array(output)
    }

    /// A new private key PEM (`ED25519` or `RSA`) in a temporary file; returns its path and text.
    static func generateKey(_ algorithm: String) throws -> (path: String, pem: String) {
        let path = NSTemporaryDirectory() + "bnc-test-\(algorithm)-\(UUID().uuidString).pem"
        var arguments = ["genpkey", "-algorithm", algorithm, "-out", path]
        if algorithm == "RSA" { arguments += ["-pkeyopt", "rsa_keygen_bits:2048"] }
        try run(arguments)
        return (path, try String(contentsOfFile: path, encoding: .utf8))
    }

    /// The base64 Ed25519 signature of `payload` with the key at `path`.
    static func ed25519Sign(_ payload: String, keyPath: String) throws -> String {
        // openssl 3.0's one-shot Ed25519 signing needs the input's size: a file, not a pipe.
        let input = NSTemporaryDirectory() + "bnc-test-payload-\(UUID().uuidString)"
        try Data(payload.utf8).write(to: URL(fileURLWithPath: input))
        defer { try? FileManager.default.removeItem(atPath: input) }
        return Data(try run(["pkeyutl", "-sign", "-rawin", "-inkey", keyPath, "-in", input])).base64EncodedString()
    }

    /// The base64 RSA PKCS#1 v1.5 SHA-256 signature of `payload` with the key at `path`.
    static func rsaSign(_ payload: String, keyPath: String) throws -> String {
        Data(try run(["dgst", "-sha256", "-sign", keyPath], input: Array(payload.utf8))).base64EncodedString()
    }

    /// The lowercase hex HMAC-SHA256 of `payload` with `secret`.
    static func hmac(_ payload: String, secret: String) throws -> String {
        let output = String(decoding: try run(["dgst", "-sha256", "-hmac", secret], input: Array(payload.utf8)), as: UTF8.self)
        // "SHA2-256(stdin)= <hex>" or "(stdin)= <hex>" depending on the version.
        return String(output.split(separator: " ").last ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
