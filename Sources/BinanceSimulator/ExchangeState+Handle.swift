import BinanceAPI

extension ExchangeState {
    /// What a handler produced: the body, a line for the request log, and any headers of the
    /// endpoint's own (spot placement's order counts).
    struct Success {
        var body: String
        var detail: String
        var headers: [HTTPHeader] = []
    }

    /// An injected fault drawn for one request.
    enum Fault {
        case none
        case serverError(ExchangeReject, afterEffect: Bool)
        case drop(afterEffect: Bool)
    }

    /// Judges one request at `now` (the caller's clock, ms since the epoch; the server clock is
    /// `now` plus the configured skew) and returns the exchange's answer.
    ///
    /// The checks run in the exchange's order: route, request weight (429/418), API key
    /// (-2014/-2015), parameters (-1101/-1100), timestamp and recvWindow (-1102/-1131/-1021),
    /// signature (-1102/-1022), the endpoint's own parameters (-1102/-1121/-1130), then the
    /// books (-2011/-2013).
    public mutating func handle(_ request: SimulatorRequest, now: Int64) -> SimulatorResponse {
        let serverTime = now.addingSaturated(configuration.clockSkewMilliseconds)
        if let control = handleControl(request, serverTime: serverTime) { return control }
        let endpoint: SimulatorRoute
        switch SimulatorRoute.resolve(method: request.method, path: request.path) {
        case .found(let found): endpoint = found
        case .notFound: return Self.routeMiss(status: 404, "no such endpoint")
        case .methodNotAllowed: return Self.routeMiss(status: 405, "method \(request.method) not allowed here")
        }
        let apiKey = request.header("X-MBX-APIKEY")
        let maskedKey = apiKey.map { Credentials.mask($0) }
        // The WAF stands in front of the API: a blocked request is judged by nothing else and
        // counts no weight. Signed routes only, like the other faults, so clock sync still works.
        if endpoint.isSigned, faultRandom.chance(configuration.faults.wafBlockRate) {
            return WAFBlock.response(maskedKey: maskedKey)
        }
        // POST, PUT and a spot DELETE read form bodies, as the exchange's general pages say; the
        // query-only rule is margin's (/sapi): a margin DELETE's body per --delete-body.
        let marginDelete = request.method == "DELETE" && request.path.hasPrefix("/sapi/")
        let readBody = request.method != "GET" && (!marginDelete || configuration.deleteBody == .merged)
        let parsed: Result<ParameterList, ExchangeReject>
        do {
            parsed = .success(try ParameterList(query: request.query, body: readBody ? request.body : nil))
        } catch {
            parsed = .failure(error)
        }
        let family = endpoint.family
        var headers = [HTTPHeader("Content-Type", "application/json;charset=UTF-8")]
        // UID weight is counted per account (the key's), IP weight per client address.
        let counted = family == .sapiUID ? (apiKey.flatMap { keys[$0]?.account } ?? request.client) : request.client
        switch limiter.admit(
            client: counted, family: family.rawValue, weight: weight(of: endpoint, parsed),
            limits: limits(family), now: serverTime)
        {
        case .allowed(let used):
            headers.append(HTTPHeader(family.usedWeightHeader, String(used)))
        case .tooMuchWeight(let used, let retryAfter):
            headers.append(HTTPHeader(family.usedWeightHeader, String(used)))
            headers.append(HTTPHeader("Retry-After", String(retryAfter)))
            let reject = ExchangeReject.tooMuchWeight(
                limit: limits(family).limit, interval: Self.intervalName(configuration.weightWindowMilliseconds))
            return Self.answer(reject, headers: headers, outcome: .limited, maskedKey: maskedKey, delay: 0)
        case .banned(let used, let until, let retryAfter):
            headers.append(HTTPHeader(family.usedWeightHeader, String(used)))
            headers.append(HTTPHeader("Retry-After", String(retryAfter)))
            return Self.answer(.banned(until: until), headers: headers, outcome: .limited, maskedKey: maskedKey, delay: 0)
        }
        let delay = drawLatency()
        let fault = endpoint.isSigned ? drawFault(for: endpoint) : .none
        switch fault {
        case .serverError(let reject, afterEffect: false):
            return Self.answer(
                reject, headers: headers, outcome: .fault, maskedKey: maskedKey, delay: delay,
                detail: "injected \(reject.status) before the request took effect")
        case .drop(afterEffect: false):
            return Self.dropped(maskedKey: maskedKey, delay: delay, detail: "injected drop before the request took effect")
        default:
            break
        }
        let result: Result<Success, ExchangeReject>
        do {
            let parameters: ParameterList
            var account = SimulatorDemoKeys.accountName
            if endpoint.isSigned {
                account = try authenticate(apiKey: apiKey, parsed: parsed, serverTime: serverTime)
                try configuration.keyPermissions.check(endpoint)
                parameters = try parsed.get()
            } else {
                parameters = try parsed.get()
            }
            let call = SimulatorRoute.Call(parameters: parameters, account: account, serverTime: serverTime)
            result = .success(try endpoint.handler(&self, call))
        } catch {
            result = .failure(error)
        }
        let happened: String
        switch result {
        case .success(let success): happened = success.detail
        case .failure(let reject): happened = "\(reject.code) \(reject.message)"
        }
        switch fault {
        case .serverError(let reject, afterEffect: true):
            return Self.answer(
                reject, headers: headers, outcome: .fault, maskedKey: maskedKey, delay: delay,
                detail: "injected \(reject.status) after the request took effect (\(happened))")
        case .drop(afterEffect: true):
            return Self.dropped(
                maskedKey: maskedKey, delay: delay, detail: "injected drop after the request took effect (\(happened))")
        default:
            break
        }
        switch result {
        case .success(let success):
            return SimulatorResponse(
                status: 200, headers: headers + success.headers, body: Array(success.body.utf8), delayMilliseconds: delay,
                verdict: Verdict(outcome: .accepted, status: 200, detail: success.detail, maskedKey: maskedKey))
        case .failure(let reject):
            return Self.answer(reject, headers: headers, outcome: .rejected, maskedKey: maskedKey, delay: delay)
        }
    }

    /// Checks the key, timestamp, recvWindow and signature of a signed request; returns the
    /// account the key belongs to.
    func authenticate(
        apiKey: String?, parsed: Result<ParameterList, ExchangeReject>, serverTime: Int64
    ) throws(ExchangeReject) -> String {
        guard let apiKey, Self.isWellFormedAPIKey(apiKey) else { throw .badAPIKeyFormat }
        guard let registered = keys[apiKey] else { throw .rejectedKey }
        // A key restricted to IPs the caller is not on: refused like an unknown key (--key-permissions).
        if configuration.keyPermissions.refusesCaller { throw .rejectedKey }
        let parameters = try parsed.get()
        guard let timestampText = parameters.value("timestamp"), let timestamp = Self.long(timestampText) else {
            throw .mandatory("timestamp")
        }
        var recvWindow: Int64 = 5_000
        if let text = parameters.value("recvWindow") {
            guard let value = Self.long(text) else { throw .illegalLong("recvWindow") }
            guard value <= 60_000 else { throw .badRecvWindow }
            recvWindow = value
        }
        // The exchange's rule: timestamp < serverTime + 1000 and serverTime - timestamp <= recvWindow.
        // Saturating: the timestamp is the client's, any Int64 (`-9223372036854775808` included).
        guard timestamp < serverTime.addingSaturated(1_000) else { throw .aheadOfServer }
        guard serverTime.subtractingSaturated(timestamp) <= recvWindow else { throw .outsideRecvWindow }
        guard let signature = parameters.signature, !signature.isEmpty else { throw .mandatory("signature") }
        guard registered.key.verify(signature, over: parameters.signedPayload) else { throw .invalidSignature }
        return registered.account
    }

    /// The weight a request counts for: the documented weight; open orders of every symbol count
    /// once per listed symbol, as the exchange documents.
    func weight(of endpoint: SimulatorRoute, _ parsed: Result<ParameterList, ExchangeReject>) -> Int {
        if case .success(let parameters) = parsed, (parameters.value("symbol") ?? "").isEmpty {
            switch endpoint.weighing {
            case .perSymbolWithoutSymbol: return endpoint.weight * max(1, symbols.count)
            case .withoutSymbol(let weight): return weight
            case .fixed: break
            }
        }
        return endpoint.weight
    }

    mutating func drawLatency() -> Int {
        let plan = configuration.faults
        let limit = FaultPlan.maximumLatencyMilliseconds
        guard plan.latencyJitterMilliseconds > 0 else { return min(max(0, plan.latencyMilliseconds), limit) }
        // Saturating: the plan comes from command-line options (`--jitter-ms` near Int.max).
        let jitter = Int(faultRandom.next() % (UInt64(plan.latencyJitterMilliseconds) + 1))
        return min(max(0, plan.latencyMilliseconds).addingSaturated(jitter), limit)
    }

    mutating func drawFault(for endpoint: SimulatorRoute) -> Fault {
        let plan = configuration.faults
        if faultRandom.chance(plan.serverErrorRate) {
            let after = endpoint.changesState && faultRandom.chance(plan.afterEffectShare)
            // Several real 5XX shapes, so a client cannot learn the outcome from the code.
            let shapes: [ExchangeReject] = [.backendTimeout, .internalError, .unknownError]
            return .serverError(shapes[Int(faultRandom.next() % UInt64(shapes.count))], afterEffect: after)
        }
        if faultRandom.chance(plan.dropRate) {
            return .drop(afterEffect: endpoint.changesState && faultRandom.chance(0.5))
        }
        return .none
    }

    /// `1 MINUTE` for the exchange's window; otherwise the configured length.
    static func intervalName(_ milliseconds: Int64) -> String {
        if milliseconds % 60_000 == 0 { return "\(milliseconds / 60_000) MINUTE" }
        if milliseconds % 1_000 == 0 { return "\(milliseconds / 1_000) SECOND" }
        return "\(milliseconds) MILLISECOND"
    }

    static func answer(
        _ reject: ExchangeReject, headers: [HTTPHeader], outcome: Verdict.Outcome, maskedKey: String?, delay: Int,
        detail: String? = nil
    ) -> SimulatorResponse {
        SimulatorResponse(
            status: reject.status, headers: headers, body: reject.body, delayMilliseconds: delay,
            verdict: Verdict(
                outcome: outcome, status: reject.status, code: reject.code, detail: detail ?? reject.message,
                maskedKey: maskedKey))
    }

    static func dropped(maskedKey: String?, delay: Int, detail: String) -> SimulatorResponse {
        SimulatorResponse(
            status: 0, headers: [], body: [], delivery: .drop, delayMilliseconds: delay,
            verdict: Verdict(outcome: .fault, status: 0, detail: detail, maskedKey: maskedKey))
    }

    static func routeMiss(status: Int, _ detail: String) -> SimulatorResponse {
        let body = "<html><body><h2>\(status == 404 ? "404 Not found" : "405 Method Not Allowed")</h2></body></html>"
        return SimulatorResponse(
            status: status, headers: [HTTPHeader("Content-Type", "text/html")], body: Array(body.utf8),
            verdict: Verdict(outcome: .notFound, status: status, detail: detail))
    }

    /// A LONG parameter: 1 to 20 ASCII digits that fit an Int64.
    static func long(_ text: String) -> Int64? {
        guard !text.isEmpty, text.utf8.count <= 20, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        return Int64(text)
    }
}
