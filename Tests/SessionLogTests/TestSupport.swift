import BinanceAPI
import Foundation
import SessionLog

/// A fresh private directory under the system temp dir for one test.
func temporaryDirectory(_ name: String = #function) -> String {
    let cleaned = name.filter { $0.isLetter || $0.isNumber }
    let path = NSTemporaryDirectory() + "bnc-sessionlog-\(cleaned)-\(UUID().uuidString.prefix(8))"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// The lines of a file.
func fileLines(_ path: String) -> [String] {
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
}

/// Every entry of a log.
func readAll(_ path: String) throws -> [SessionLogEntry] {
    Array(try SessionLogReader(path: path))
}

/// The records of a log, without issues.
func records(_ path: String) throws -> [SessionRecord] {
    try readAll(path).compactMap { if case .record(let record, _) = $0 { return record } else { return nil } }
}

/// The issues of a log.
func issues(_ path: String) throws -> [SessionLogIssue] {
    try readAll(path).compactMap { if case .issue(let issue) = $0 { return issue } else { return nil } }
}

let demoHeader = SessionHeader(
    bncVersion: "0.1.0-test", endpoint: "sim", baseURL: "http://sim.bnc.invalid", credentials: DemoCredentials.hmac,
    mode: "script", fixedClock: 1_499_827_319_559, started: 1_764_075_824_123)

let canceledBody = Array(
    #"{"symbol":"LTCBTC","orderId":"28","origClientOrderId":"myOrder1","clientOrderId":"cancelMyOrder1","price":"1.00000000","origQty":"10.00000000","executedQty":"8.00000000","cummulativeQuoteQty":"8.00000000","status":"CANCELED","timeInForce":"GTC","type":"LIMIT","side":"SELL"}"#
        .utf8)

/// A transport that answers from a list and, at each send, captures what the log file held.
final class ScriptedTransport: Transport, @unchecked Sendable {
    let endpointName = "test"
    let baseURL = "http://127.0.0.1:9"
    private let lock = NSLock()
    private var answers: [Result<TransportResponse, TransportError>]
    private(set) var logAtSend: [String] = []
    private(set) var sent: [PreparedRequest] = []
    let logPath: String?

    init(answers: [Result<TransportResponse, TransportError>], logPath: String? = nil) {
        self.answers = answers
        self.logPath = logPath
    }

    func send(_ request: PreparedRequest) async throws(TransportError) -> TransportResponse {
        let answer: Result<TransportResponse, TransportError> = lock.withLock {
            sent.append(request)
            if let logPath { logAtSend.append((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "") }
            return answers.isEmpty ? .failure(.connectFailed("no answer scripted")) : answers.removeFirst()
        }
        return try answer.get()
    }
}
