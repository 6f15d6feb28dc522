import BinanceAPI

extension ExchangeState {
    /// Where the simulator's own controls live: a path no exchange has, so a control can never be
    /// mistaken for (or sent to) an exchange request. bnc's `sim` statements and any client of
    /// `bnc sim` use it:
    ///
    /// | request | does |
    /// |---|---|
    /// | `POST /bnc-sim/v1/price` `symbol`, `price` | sets the price; fills the orders it crosses |
    /// | `POST /bnc-sim/v1/step` [`count`] | `count` (default 1, at most 10000) market steps |
    /// | `POST /bnc-sim/v1/order` `symbol`, `side`, `price`, `quantity` [`isIsolated` \| `spot`] | a LIMIT GTC order on the key's account (margin, or its spot book), checked as a placed one |
    ///
    /// Controls need a known API key (`X-MBX-APIKEY`, -2014/-2015 otherwise) but no signature,
    /// and count against no weight: they are not the exchange's.
    public static let controlPrefix = "/bnc-sim/"

    /// Answers a control request, or nil when `request` is not one.
    mutating func handleControl(_ request: SimulatorRequest, serverTime: Int64) -> SimulatorResponse? {
        guard request.path.hasPrefix(Self.controlPrefix) else { return nil }
        let headers = [HTTPHeader("Content-Type", "application/json;charset=UTF-8")]
        let apiKey = request.header("X-MBX-APIKEY")
        let maskedKey = apiKey.map { Credentials.mask($0) }
        let action = String(request.path.dropFirst(Self.controlPrefix.count))
        guard ["v1/price", "v1/step", "v1/order"].contains(action) else {
            return Self.routeMiss(status: 404, "no such simulator control")
        }
        guard request.method == "POST" else { return Self.routeMiss(status: 405, "simulator controls are POST") }
        let result: Result<Success, ExchangeReject>
        do throws(ExchangeReject) {
            guard let apiKey, Self.isWellFormedAPIKey(apiKey) else { throw ExchangeReject.badAPIKeyFormat }
            guard let account = keys[apiKey]?.account else { throw ExchangeReject.rejectedKey }
            let parameters = try ParameterList(query: request.query, body: request.body)
            switch action {
            case "v1/price": result = .success(try controlPrice(parameters, at: serverTime))
            case "v1/step": result = .success(try controlStep(parameters, at: serverTime))
            default: result = .success(try controlOrder(parameters, account: account, at: serverTime))
            }
        } catch {
            result = .failure(error)
        }
        switch result {
        case .success(let success):
            return SimulatorResponse(
                status: 200, headers: headers, body: Array(success.body.utf8),
                verdict: Verdict(outcome: .accepted, status: 200, detail: "sim: " + success.detail, maskedKey: maskedKey))
        case .failure(let reject):
            return Self.answer(reject, headers: headers, outcome: .rejected, maskedKey: maskedKey, delay: 0)
        }
    }

    /// `sim price SYMBOL P`.
    mutating func controlPrice(_ parameters: ParameterList, at time: Int64) throws(ExchangeReject) -> Success {
        let key = try bookKey(parameters)
        guard let price = try decimal(parameters, "price") else { throw .mandatory("price") }
        guard price.units > 0 else { throw .filterFailure("PRICE_FILTER") }
        let report = move(symbol: key.symbol, to: price, at: time)
        return Success(body: Self.moveJSON(report), detail: Self.describe(report))
    }

    /// `sim step [N]`.
    mutating func controlStep(_ parameters: ParameterList, at time: Int64) throws(ExchangeReject) -> Success {
        let count = try optionalLong(parameters, "count") ?? 1
        guard count >= 1 && count <= 10_000 else { throw .invalidValue("count") }
        let reports = step(Int(count), at: time)
        var prices: [String: SimDecimal] = [:]
        for report in reports { prices[report.symbol] = report.price }
        var json = JSONText(capacity: 256)
        json.number("steps", count)
        var text = json.close()
        text.removeLast()
        let priceEntries = prices.keys.sorted().map { symbol in
            var entry = JSONText(capacity: 64)
            entry.string("symbol", symbol)
            entry.string("price", prices[symbol]?.description ?? "0")
            return entry.close()
        }
        let moves = reports.filter { !$0.fills.isEmpty }.map(Self.moveJSON)
        text += ",\"prices\":" + Self.array(priceEntries) + ",\"moves\":" + Self.array(moves) + "}"
        let filled = reports.reduce(0) { $0 + $1.fills.count }
        return Success(body: text, detail: "\(count) step\(count == 1 ? "" : "s"), \(filled) fills")
    }

    /// `sim order SYMBOL side=… price=… qty=… [isolated|spot]`: a LIMIT GTC order on the key's
    /// account, on a margin book or (`spot=TRUE`) its spot book. It counts against no unfilled
    /// order count: like the other controls, it is not the exchange's.
    mutating func controlOrder(_ parameters: ParameterList, account: String, at time: Int64) throws(ExchangeReject)
        -> Success
    {
        var spot = false
        if let text = nonEmpty(parameters, "spot") {
            guard ["TRUE", "true", "FALSE", "false"].contains(text) else { throw .invalidValue("spot") }
            spot = text == "TRUE" || text == "true"
        }
        // Spot has no isolated account: both at once is a contradiction, not a spot order.
        if spot, let isolated = nonEmpty(parameters, "isIsolated"), isolated == "TRUE" || isolated == "true" {
            throw .notRequired("isIsolated")
        }
        let key = spot ? try spotKey(parameters) : try bookKey(parameters)
        guard let side = nonEmpty(parameters, "side") else { throw .mandatory("side") }
        guard side == "BUY" || side == "SELL" else { throw .invalidSide }
        guard let quantity = try decimal(parameters, "quantity") else { throw .mandatory("quantity") }
        guard let price = try decimal(parameters, "price") else { throw .mandatory("price") }
        let clientOrderId = nonEmpty(parameters, "newClientOrderId")
        if let clientOrderId, !Self.isClientOrderId(clientOrderId) { throw .illegalClientOrderId }
        let request = NewOrder(
            key: key, side: side, type: "LIMIT", timeInForce: "GTC", quantity: quantity, quoteOrderQty: nil, price: price,
            clientOrderId: clientOrderId, responseType: "RESULT")
        let placed = try place(request, account: account, at: time, spot: spot)
        let order = placed.order
        return Success(
            body: spot ? order.spotPlacementResultJSON(transactTime: time) : order.placementResultJSON(transactTime: time),
            detail: "placed \(spot ? "spot \(order.symbol) #\(order.orderId)" : Self.describe(order)) \(side) "
                + "\(order.origQty) @ \(order.price)")
    }

    static func moveJSON(_ report: MoveReport) -> String {
        var json = JSONText(capacity: 128)
        json.string("symbol", report.symbol)
        json.string("price", report.price.description)
        var text = json.close()
        text.removeLast()
        let fills = report.fills.map { fill in
            var entry = JSONText(capacity: 96)
            entry.number("orderId", fill.orderId)
            entry.bool("isIsolated", fill.isIsolated)
            entry.bool("spot", fill.spot)
            entry.string("qty", fill.quantity.description)
            entry.string("status", fill.status)
            return entry.close()
        }
        return text + ",\"fills\":" + array(fills) + "}"
    }

    static func describe(_ report: MoveReport) -> String {
        "\(report.symbol) at \(report.price): \(report.fills.count) order\(report.fills.count == 1 ? "" : "s") filled"
    }
}
