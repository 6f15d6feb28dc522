import BinanceAPI

/// The documented parameter order of the endpoints bnc knows, taken from their typed operations
/// so there is one source of truth.
enum DocumentedOrder {
    static func names(forPath path: String?) -> [String]? {
        switch path {
        case CancelMarginOrder.path?:
            let everything = CancelMarginOrder(
                symbol: "X", isIsolated: true, orderId: 1, origClientOrderId: "a", newClientOrderId: "b", recvWindow: 1)
            return everything.parameters.map(\.name) + ["timestamp"]
        default:
            return nil
        }
    }
}
