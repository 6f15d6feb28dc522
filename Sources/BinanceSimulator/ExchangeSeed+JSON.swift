import BinanceAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension ExchangeSeed {
    /// A seed from a JSON document. The demo accounts are always present; the document's orders
    /// replace the demo orders when it has an `orders` or `bulk` key.
    ///
    /// ```json
    /// {
    ///   "symbols": ["XRPBTC"],
    ///   "accounts": [
    ///     {"name": "alice", "apiKey": "<64 letters and digits>", "secret": "..."},
    ///     {"name": "bob", "apiKey": "<64 letters and digits>", "publicKey": "-----BEGIN PUBLIC KEY-----..."}
    ///   ],
    ///   "orders": [
    ///     {"account": "demo", "symbol": "LTCBTC", "isIsolated": false, "orderId": 28,
    ///      "clientOrderId": "myOrder1", "price": "1.00000000", "origQty": "10.00000000",
    ///      "executedQty": "8.00000000", "cummulativeQuoteQty": "8.00000000",
    ///      "status": "PARTIALLY_FILLED", "side": "SELL", "type": "LIMIT", "timeInForce": "GTC",
    ///      "time": 1767225600000}
    ///   ],
    ///   "bulk": [{"account": "demo", "symbol": "LTCBTC", "isIsolated": false, "count": 2000}]
    /// }
    /// ```
    public static func fromJSON(_ bytes: [UInt8]) throws(SimulatorSetupError) -> ExchangeSeed {
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes)
        } catch {
            throw .seed(error.description)
        }
        guard case .object(let root) = document else { throw .seed("the document must be a JSON object") }
        for key in root.keys where !["symbols", "accounts", "orders", "bulk"].contains(key) {
            throw .seed("unknown key \"\(key)\" (expected symbols, accounts, orders, bulk)")
        }
        var seed = ExchangeSeed.demo
        if root["orders"] != nil || root["bulk"] != nil {
            // The demo margin OCO lists go with the demo orders their legs are; the spot lists
            // stay with the spot orders, which a seed file leaves.
            seed.orders = []
            seed.orderLists.removeAll { $0.list.account != .spot }
        }
        for (index, entry) in try array(root["symbols"], "symbols").enumerated() {
            guard case .string(let symbol) = entry, !symbol.isEmpty else { throw .seed("symbols[\(index)] must be a string") }
            seed.symbols.append(symbol)
        }
        for (index, entry) in try array(root["accounts"], "accounts").enumerated() {
            seed.accounts.append(try account(entry, at: "accounts[\(index)]"))
        }
        for (index, entry) in try array(root["orders"], "orders").enumerated() {
            seed.orders.append(try order(entry, at: "orders[\(index)]"))
        }
        for (index, entry) in try array(root["bulk"], "bulk").enumerated() {
            let place = "bulk[\(index)]"
            guard case .object(let fields) = entry else { throw .seed("\(place) must be an object") }
            guard let count = fields["count"]?.integerValue, count > 0, count <= 1_000_000 else {
                throw .seed("\(place).count must be a number from 1 to 1000000")
            }
            seed.bulk.append(
                Bulk(
                    account: try string(fields, "account", place) ?? SimulatorDemoKeys.accountName,
                    symbol: try required(fields, "symbol", place), isolated: try bool(fields, "isIsolated", place),
                    count: Int(count)))
        }
        return seed
    }

    /// A seed from a file (see ``fromJSON(_:)``).
    public static func fromFile(_ path: String) throws(SimulatorSetupError) -> ExchangeSeed {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .seedFile(path: path, reason: "cannot be read")
        }
        do {
            return try fromJSON(Array(data))
        } catch {
            throw .seedFile(path: path, reason: error.message)
        }
    }

    private static func array(_ value: JSONValue?, _ key: String) throws(SimulatorSetupError) -> [JSONValue] {
        guard let value else { return [] }
        guard case .array(let elements) = value else { throw .seed("\"\(key)\" must be an array") }
        return elements
    }

    private static func account(_ entry: JSONValue, at place: String) throws(SimulatorSetupError) -> Account {
        guard case .object(let fields) = entry else { throw .seed("\(place) must be an object") }
        let name = try required(fields, "name", place)
        let apiKey = try required(fields, "apiKey", place)
        switch (try string(fields, "secret", place), try string(fields, "publicKey", place)) {
        case (let secret?, nil):
            return Account(name: name, apiKey: apiKey, key: VerificationKey(hmacSecret: secret))
        case (nil, let pem?):
            do {
                return Account(name: name, apiKey: apiKey, key: try VerificationKey(publicKeyPEM: pem))
            } catch {
                throw .seed("\(place).publicKey: \(error.message)")
            }
        default:
            throw .seed("\(place) needs exactly one of \"secret\" (HMAC) or \"publicKey\" (Ed25519/RSA PEM)")
        }
    }

    private static func order(
        _ entry: JSONValue, at place: String
    ) throws(SimulatorSetupError) -> (account: String, order: SimulatedOrder) {
        guard case .object(let fields) = entry else { throw .seed("\(place) must be an object") }
        guard let orderId = fields["orderId"]?.integerValue, orderId > 0 else {
            throw .seed("\(place).orderId must be a positive integer")
        }
        let statusText = try string(fields, "status", place) ?? "NEW"
        guard let status = SimulatedOrder.Status(rawValue: statusText) else {
            throw .seed("\(place).status \"\(statusText)\" is not one of NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED")
        }
        let time = fields["time"]?.integerValue ?? ExchangeSeed.demoEpoch
        let order = SimulatedOrder(
            symbol: try required(fields, "symbol", place), isIsolated: try bool(fields, "isIsolated", place),
            orderId: orderId, clientOrderId: try string(fields, "clientOrderId", place) ?? "seed\(orderId)",
            price: try decimal(fields, "price", place) ?? "0.00000000",
            origQty: try decimal(fields, "origQty", place) ?? "1.00000000",
            executedQty: try decimal(fields, "executedQty", place) ?? "0.00000000",
            cummulativeQuoteQty: try decimal(fields, "cummulativeQuoteQty", place) ?? "0.00000000", status: status,
            timeInForce: try string(fields, "timeInForce", place) ?? "GTC", type: try string(fields, "type", place) ?? "LIMIT",
            side: try string(fields, "side", place) ?? "BUY", time: time,
            updateTime: fields["updateTime"]?.integerValue ?? time)
        return (try string(fields, "account", place) ?? SimulatorDemoKeys.accountName, order)
    }

    private static func string(_ fields: JSONObject, _ key: String, _ place: String) throws(SimulatorSetupError) -> String? {
        guard let value = fields[key] else { return nil }
        guard case .string(let text) = value else { throw .seed("\(place).\(key) must be a string") }
        return text
    }

    private static func required(_ fields: JSONObject, _ key: String, _ place: String) throws(SimulatorSetupError) -> String {
        guard let text = try string(fields, key, place), !text.isEmpty else { throw .seed("\(place).\(key) is required") }
        return text
    }

    private static func bool(_ fields: JSONObject, _ key: String, _ place: String) throws(SimulatorSetupError) -> Bool {
        guard let value = fields[key] else { return false }
        guard case .bool(let flag) = value else { throw .seed("\(place).\(key) must be true or false") }
        return flag
    }

    /// A decimal as the exchange writes it: a string, or a JSON number kept as its text.
    private static func decimal(_ fields: JSONObject, _ key: String, _ place: String) throws(SimulatorSetupError) -> String? {
        guard let value = fields[key] else { return nil }
        switch value {
        case .string(let text) where ExactDecimal(text) != nil: return text
        case .number(let text): return text
        default: throw .seed("\(place).\(key) must be a decimal number")
        }
    }
}
