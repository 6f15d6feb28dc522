import BinanceAPI

/// The documented parameter order of the endpoint a pasted request went to, taken from the
/// endpoint descriptions the explainer was given (bnc hands it its command table's), so a new
/// operation is known here without a line in this target.
struct DocumentedOrder {
    /// The endpoints known, each with its documented order.
    var endpoints: [EndpointDescription]

    /// The documented order of everything signed (`timestamp` last) for the endpoint at `path`,
    /// or nil when no known endpoint has that path. When the method is not known and several
    /// endpoints share the path (`GET` and `DELETE /sapi/v1/margin/order`), the first whose table
    /// lists every parameter sent is taken.
    func names(method: HTTPMethod?, path: String?, sent: [String]) -> [String]? {
        guard let path else { return nil }
        let candidates = endpoints.filter { $0.path == path && (method == nil || $0.method == method) }
        let covering = candidates.first { endpoint in
            let documented = Set(endpoint.signedParameterOrder)
            return sent.allSatisfy { documented.contains($0) }
        }
        return (covering ?? candidates.first)?.signedParameterOrder
    }
}
