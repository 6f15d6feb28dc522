import BinanceAPI

/// A request, recorded before it leaves the process.
///
/// The signature itself is not stored: ``signatureFingerprint`` (SHA-256 of its text) lets
/// `replay --verify` check a recomputed signature byte for byte while a leaked log cannot be
/// used to resend the request inside its `recvWindow`.
package struct RequestRecord: Sendable, Hashable {
    /// 1, 2, 3… in the order requests were sent; responses refer to it.
    package var id: Int
    /// The statement that sent it, when known.
    package var statement: Int?
    /// 1 for the first try, 2… for retries of the same prepared request.
    package var attempt: Int
    /// The operation's name, e.g. "margin cancel".
    package var title: String
    package var method: HTTPMethod
    package var path: String
    /// The canonical query, including `timestamp`, without `signature`: the signed bytes.
    package var query: String
    /// The `timestamp` parameter, for signed requests.
    package var timestamp: Int64?
    /// The `newClientOrderId` parameter, when one was sent.
    package var newClientOrderId: String?
    /// The kind of key that signed it; nil for unsigned requests.
    package var keyType: KeyType?
    /// SHA-256 (hex) of the signature text; nil for unsigned requests.
    package var signatureFingerprint: String?
    /// The endpoint's documented weight.
    package var weight: RequestWeight
    /// When it was handed to the transport, ms since the epoch.
    package var at: Int64
    /// For a request made in a `parallel N for` iteration, which one (`RequestOrigin`): replay
    /// matches it to the request of the same origin, since parallel requests leave in any order.
    package var origin: String?

    package init(
        id: Int, statement: Int?, attempt: Int, title: String, method: HTTPMethod, path: String, query: String,
        timestamp: Int64?, newClientOrderId: String?, keyType: KeyType?, signatureFingerprint: String?,
        weight: RequestWeight, at: Int64, origin: String? = nil
    ) {
        self.id = id
        self.statement = statement
        self.attempt = attempt
        self.title = title
        self.method = method
        self.path = path
        self.query = query
        self.timestamp = timestamp
        self.newClientOrderId = newClientOrderId
        self.keyType = keyType
        self.signatureFingerprint = signatureFingerprint
        self.weight = weight
        self.at = at
        self.origin = origin
    }

    /// The record of `request`, sent as request `id` by statement `statement`.
    package init(_ request: PreparedRequest, id: Int, statement: Int?, attempt: Int, at: Int64, origin: String? = nil) {
        self.init(
            id: id, statement: statement, attempt: attempt, title: request.title, method: request.method,
            path: request.path, query: request.query, timestamp: request.timestamp,
            newClientOrderId: request.parameter("newClientOrderId"), keyType: request.signature?.keyType,
            signatureFingerprint: request.signature?.fingerprint, weight: request.weight, at: at, origin: origin)
    }

    /// The query as it went on the wire, with the signature shown redacted.
    package var redactedURLQuery: String {
        guard let signatureFingerprint else { return query }
        let redacted = "signature=<redacted:\(signatureFingerprint.prefix(8))>"
        return query.isEmpty ? redacted : "\(query)&\(redacted)"
    }
}
