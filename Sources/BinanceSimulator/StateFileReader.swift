import BinanceAPI

/// Reads the text of a `bnc sim --state` file (``ExchangeState/stateJSON()``) strictly: every
/// field has its JSON type, every decimal parses as ``SimDecimal``, every id and time is an
/// integer that fits, and texts are bounded. The file is outside input (edited by hand, cut
/// short by a full disk, or planted), so anything else is refused with its place.
struct StateFileReader {
    /// An order and where it lives.
    struct Order {
        var account: String
        var spot: Bool
        var order: SimulatedOrder
    }

    /// The longest name, symbol, id or asset text accepted; a PEM may be longer.
    static let maximumTextLength = 256
    static let maximumPEMLength = 16_384

    private let root: JSONObject

    init(_ bytes: [UInt8]) throws(SimulatorSetupError) {
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes)
        } catch {
            throw .seed("not JSON (\(error.description)); a state file that was cut short or edited is refused")
        }
        guard case .object(let root) = document else { throw .seed("the document must be a JSON object") }
        let known = ["format", "version", "symbols", "accounts", "orders", "orderLists", "market"]
        for key in root.keys where !known.contains(key) { throw .seed("unknown key \(Self.quoted(key))") }
        guard root["format"] == .string(ExchangeState.stateFormat) else {
            throw .seed("\"format\" must be \"\(ExchangeState.stateFormat)\": not a bnc sim state file")
        }
        guard case .number(let version) = root["version"], Int64(version) == ExchangeState.stateVersion else {
            throw .seed("\"version\" must be \(ExchangeState.stateVersion)")
        }
        self.root = root
    }

    func symbols() throws(SimulatorSetupError) -> [String] {
        var result: [String] = []
        for (index, entry) in try Self.array(root["symbols"], "symbols").enumerated() {
            guard case .string(let symbol) = entry, Self.isName(symbol) else {
                throw .seed("symbols[\(index)] must be a non-empty string of at most \(Self.maximumTextLength) bytes")
            }
            result.append(symbol)
        }
        return result
    }

    func accounts() throws(SimulatorSetupError) -> [ExchangeSeed.Account] {
        var result: [ExchangeSeed.Account] = []
        for (index, entry) in try Self.array(root["accounts"], "accounts").enumerated() {
            let place = "accounts[\(index)]"
            let fields = try Self.object(entry, place)
            let name = try Self.name(fields, "name", place)
            let apiKey = try Self.name(fields, "apiKey", place)
            switch (fields["secret"], fields["publicKey"]) {
            case (.string(let secret)?, nil) where secret.utf8.count <= Self.maximumTextLength:
                result.append(ExchangeSeed.Account(name: name, apiKey: apiKey, key: VerificationKey(hmacSecret: secret)))
            case (nil, .string(let pem)?) where pem.utf8.count <= Self.maximumPEMLength:
                do {
                    result.append(
                        ExchangeSeed.Account(name: name, apiKey: apiKey, key: try VerificationKey(publicKeyPEM: pem)))
                } catch {
                    throw .seed("\(place).publicKey: \(error.message)")
                }
            default:
                throw .seed("\(place) needs exactly one of \"secret\" or \"publicKey\", a string")
            }
        }
        return result
    }

    func orders() throws(SimulatorSetupError) -> [Order] {
        var result: [Order] = []
        for (index, entry) in try Self.array(root["orders"], "orders").enumerated() {
            let place = "orders[\(index)]"
            let fields = try Self.object(entry, place)
            let statusText = try Self.name(fields, "status", place)
            guard let status = SimulatedOrder.Status(rawValue: statusText) else {
                throw .seed("\(place).status \(Self.quoted(statusText)) is not an order status")
            }
            let orderId = try Self.integer(fields, "orderId", place)
            guard orderId > 0 else { throw .seed("\(place).orderId must be positive") }
            let order = SimulatedOrder(
                symbol: try Self.name(fields, "symbol", place), isIsolated: try Self.bool(fields, "isIsolated", place),
                orderId: orderId, clientOrderId: try Self.name(fields, "clientOrderId", place),
                price: try Self.decimal(fields, "price", place), origQty: try Self.decimal(fields, "origQty", place),
                executedQty: try Self.decimal(fields, "executedQty", place),
                cummulativeQuoteQty: try Self.decimal(fields, "cummulativeQuoteQty", place), status: status,
                timeInForce: try Self.name(fields, "timeInForce", place), type: try Self.name(fields, "type", place),
                side: try Self.name(fields, "side", place), time: try Self.integer(fields, "time", place),
                updateTime: try Self.integer(fields, "updateTime", place))
            let spot: Bool
            switch try Self.name(fields, "book", place) {
            case "margin": spot = false
            case "spot": spot = true
            default: throw .seed("\(place).book must be \"margin\" or \"spot\"")
            }
            result.append(Order(account: try Self.name(fields, "account", place), spot: spot, order: order))
        }
        return result
    }

    func orderLists() throws(SimulatorSetupError) -> [(account: String, list: SimulatedOrderList)] {
        var result: [(account: String, list: SimulatedOrderList)] = []
        for (index, entry) in try Self.array(root["orderLists"], "orderLists").enumerated() {
            let place = "orderLists[\(index)]"
            let fields = try Self.object(entry, place)
            let isolated = try Self.bool(fields, "isIsolated", place)
            let account: SimulatedOrderList.Account
            switch try Self.name(fields, "book", place) {
            case "margin": account = .margin(isolated: isolated)
            case "spot" where !isolated: account = .spot
            default: throw .seed("\(place).book must be \"margin\", or \"spot\" with isIsolated false")
            }
            var orderIds: [Int64] = []
            let legs = try Self.array(fields["orderIds"], "\(place).orderIds")
            guard (1...10).contains(legs.count) else { throw .seed("\(place).orderIds must list 1 to 10 legs") }
            for leg in legs {
                guard case .number(let text) = leg, let id = Int64(text), id > 0 else {
                    throw .seed("\(place).orderIds must be positive integers")
                }
                orderIds.append(id)
            }
            var stopPrices: [Int64: String] = [:]
            guard case .object(let stops) = fields["stopPrices"] ?? .object(JSONObject()) else {
                throw .seed("\(place).stopPrices must be an object")
            }
            for (key, value) in stops.pairs {
                guard let id = Int64(key), orderIds.contains(id), case .string(let price) = value,
                    SimDecimal(price) != nil
                else { throw .seed("\(place).stopPrices must map leg ids to decimal strings") }
                stopPrices[id] = price
            }
            let listId = try Self.integer(fields, "orderListId", place)
            guard listId > 0 else { throw .seed("\(place).orderListId must be positive") }
            let list = SimulatedOrderList(
                symbol: try Self.name(fields, "symbol", place), account: account, orderListId: listId,
                listClientOrderId: try Self.name(fields, "listClientOrderId", place), orderIds: orderIds,
                stopPrices: stopPrices, isDone: try Self.bool(fields, "isDone", place),
                transactionTime: try Self.integer(fields, "transactionTime", place))
            result.append((try Self.name(fields, "account", place), list))
        }
        return result
    }

    func market() throws(SimulatorSetupError) -> MarketState {
        let fields = try Self.object(root["market"] ?? .null, "market")
        var market = MarketState()
        let prices = try Self.object(fields["prices"] ?? .null, "market.prices")
        for (symbol, value) in prices.pairs {
            guard Self.isName(symbol), case .string(let text) = value, let price = SimDecimal(text) else {
                throw .seed("market.prices.\(Self.shown(symbol)) must be a decimal string")
            }
            market.prices[symbol] = price
        }
        let rules = try Self.object(fields["rules"] ?? .null, "market.rules")
        for (symbol, value) in rules.pairs {
            let place = "market.rules.\(Self.shown(symbol))"
            guard Self.isName(symbol) else { throw .seed("\(place): bad symbol") }
            let rule = try Self.object(value, place)
            market.rules[symbol] = SymbolRules(
                baseAsset: try Self.name(rule, "baseAsset", place), quoteAsset: try Self.name(rule, "quoteAsset", place),
                minPrice: try Self.amount(rule, "minPrice", place), maxPrice: try Self.amount(rule, "maxPrice", place),
                tickSize: try Self.amount(rule, "tickSize", place), minQty: try Self.amount(rule, "minQty", place),
                maxQty: try Self.amount(rule, "maxQty", place), stepSize: try Self.amount(rule, "stepSize", place),
                minNotional: try Self.amount(rule, "minNotional", place),
                isMarginTrade: try Self.bool(rule, "isMarginTrade", place),
                fillPerMove: try Self.amount(rule, "fillPerMove", place))
        }
        for (index, entry) in try Self.array(fields["balances"], "market.balances").enumerated() {
            let place = "market.balances[\(index)]"
            let balance = try Self.object(entry, place)
            let walletName = try Self.name(balance, "wallet", place)
            guard let wallet = MarketState.Wallet(name: walletName) else {
                throw .seed("\(place).wallet must be \"cross\" or \"isolated:SYMBOL\"")
            }
            guard case .string(let text) = balance["amount"], let amount = SimDecimal(text, allowNegative: true) else {
                throw .seed("\(place).amount must be a decimal string")
            }
            market.balances[try Self.name(balance, "account", place), default: [:]][wallet, default: [:]][
                try Self.name(balance, "asset", place)] = amount
        }
        market.nextTradeId = try Self.integer(fields, "nextTradeId", "market")
        guard market.nextTradeId >= 0 else { throw .seed("market.nextTradeId must not be negative") }
        return market
    }

    // MARK: - Fields

    private static func isName(_ text: String) -> Bool { !text.isEmpty && text.utf8.count <= maximumTextLength }

    /// The longest piece of an unusable text a message quotes.
    static let maximumShownLength = 64

    /// Outside text as a message shows it: as it is when it could be a name with no control
    /// character, else escaped and quoted, cut to ``maximumShownLength`` characters with its
    /// size (a 1 MB key makes a short message, and no text reaches the terminal raw).
    private static func shown(_ text: String) -> String {
        let isControl: (Unicode.Scalar) -> Bool = { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        if isName(text), !text.unicodeScalars.contains(where: isControl), !text.contains("\"") { return text }
        let head = String(String.UnicodeScalarView(text.unicodeScalars.prefix(maximumShownLength)))
        let cut = head.unicodeScalars.count < text.unicodeScalars.count
        return head.debugDescription + (cut ? "… (\(text.utf8.count) bytes)" : "")
    }

    /// ``shown(_:)`` in quotes.
    private static func quoted(_ text: String) -> String {
        let shown = shown(text)
        return shown.hasPrefix("\"") ? shown : "\"" + shown + "\""
    }

    private static func array(_ value: JSONValue?, _ place: String) throws(SimulatorSetupError) -> [JSONValue] {
        guard case .array(let elements) = value else { throw .seed("\"\(place)\" must be an array") }
        return elements
    }

    private static func object(_ value: JSONValue, _ place: String) throws(SimulatorSetupError) -> JSONObject {
        guard case .object(let fields) = value else { throw .seed("\(place) must be an object") }
        return fields
    }

    private static func name(_ fields: JSONObject, _ key: String, _ place: String) throws(SimulatorSetupError) -> String {
        guard case .string(let text) = fields[key], isName(text) else {
            throw .seed("\(place).\(key) must be a non-empty string of at most \(maximumTextLength) bytes")
        }
        return text
    }

    private static func bool(_ fields: JSONObject, _ key: String, _ place: String) throws(SimulatorSetupError) -> Bool {
        guard case .bool(let flag) = fields[key] else { throw .seed("\(place).\(key) must be true or false") }
        return flag
    }

    private static func integer(_ fields: JSONObject, _ key: String, _ place: String) throws(SimulatorSetupError) -> Int64 {
        guard case .number(let text) = fields[key], let value = Int64(text) else {
            throw .seed("\(place).\(key) must be an integer that fits 64 bits")
        }
        return value
    }

    /// A decimal kept as the order's text (it must parse, so fills can do arithmetic on it).
    private static func decimal(_ fields: JSONObject, _ key: String, _ place: String) throws(SimulatorSetupError) -> String {
        guard case .string(let text) = fields[key], SimDecimal(text) != nil else {
            throw .seed("\(place).\(key) must be a non-negative decimal string of at most 8 decimals")
        }
        return text
    }

    private static func amount(_ fields: JSONObject, _ key: String, _ place: String) throws(SimulatorSetupError) -> SimDecimal {
        guard case .string(let text) = fields[key], let value = SimDecimal(text) else {
            throw .seed("\(place).\(key) must be a non-negative decimal string of at most 8 decimals")
        }
        return value
    }
}
