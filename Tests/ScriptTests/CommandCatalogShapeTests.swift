import BinanceAPI
import Testing

@testable import Script

/// The shape that makes an endpoint one operation file plus one command entry: every entry's
/// operation agrees with its own endpoint description, and everything that needs an endpoint
/// (help, `bnc explain`) can read it from the table.
@Suite struct CommandCatalogShapeTests {
    /// A value for every argument of `entry` a statement on `account` may carry (so every
    /// optional parameter of that account's operation is sent).
    static func everything(_ entry: CommandEntry, account: String? = nil) -> ArgumentValues {
        var values: [String: ArgumentValue] = [:]
        for spec in entry.arguments(for: account) {
            switch spec.kind {
            case .symbol: values[spec.name] = .text("LTCBTC")
            case .integer: values[spec.name] = .integer(7)
            case .decimal: values[spec.name] = .decimal(ExactDecimal("1.5")!)
            case .text: values[spec.name] = .text(spec.parameter == "cancelRestrictions" ? "new" : "abc")
            case .bool, .flag: values[spec.name] = .bool(true)
            }
        }
        return ArgumentValues(values)
    }

    /// Every (command, account) pair of the table: the default operation (nil) and each account
    /// word's.
    /// (`request` chooses its endpoint at run time: it has no documented order to follow.)
    /// (`sim` drives bnc's simulator, not the exchange: its action word picks the path, and
    /// ``simControlsSendOnlyTheirActionsParameters`` holds it to its own description.)
    static let accounts: [String] = CommandCatalog.standard.entries.filter {
        !$0.choosesEndpointAtRunTime && !$0.operationEndpoint.path.hasPrefix("/bnc-sim/")
    }.flatMap {
        entry in
        [entry.name] + entry.accountVariants.map { "\(entry.name) \($0.word)" }
    }

    static func split(_ case: String) throws -> (CommandEntry, String?) {
        let words = `case`.split(separator: " ").map(String.init)
        let entry = try #require(CommandCatalog.standard.entry(named: words[0]))
        return (entry, words.count > 1 ? words[1] : nil)
    }

    @Test(arguments: accounts)
    func parametersFollowTheDocumentedOrder(_ name: String) throws {
        let (entry, account) = try Self.split(name)
        let operation = entry.operation(Self.everything(entry, account: account))
        let documented = operation.endpoint.parameterNames
        let sent = operation.parameters.map(\.name)
        // Each parameter sent is documented, at most once, in the documented order.
        let positions = sent.map { documented.firstIndex(of: $0) }
        #expect(!positions.contains(nil), "\(name) sends \(sent), not all in \(documented)")
        let indices = positions.compactMap { $0 }
        #expect(indices == indices.sorted() && Set(indices).count == indices.count, "\(name) sends \(sent)")
        #expect(!sent.contains("timestamp") && !sent.contains("signature"))
        // The entry's endpoint for that account is the operation's: help and explain show what is sent.
        let expected = entry.accountVariants.first { $0.word == account }?.endpoint ?? entry.operationEndpoint
        #expect(expected.line == operation.endpoint.line && expected.parameterNames == documented)
    }

    @Test(arguments: accounts)
    func everyArgumentFillsADocumentedParameterThatIsSent(_ name: String) throws {
        let (entry, account) = try Self.split(name)
        let operation = entry.operation(Self.everything(entry, account: account))
        let sent = Set(operation.parameters.map(\.name))
        for spec in entry.arguments(for: account) where !(spec.isAccountWord && spec.parameter.isEmpty) {
            let parameter = spec.parameter
            #expect(operation.endpoint.parameterNames.contains(parameter), "\(name) \(spec.name)=")
            #expect(sent.contains(parameter), "\(name) \(spec.name)= does not reach the request")
        }
    }

    @Test(arguments: SimulatorControl.Action.allCases)
    func simControlsSendOnlyTheirActionsParameters(_ action: SimulatorControl.Action) throws {
        let entry = try #require(CommandCatalog.standard.entry(named: "sim"))
        var values: [String: ArgumentValue] = [
            "action": .text(action.rawValue), "side": .text("BUY"), "price": .decimal(ExactDecimal("0.0014")!),
            "qty": .decimal(ExactDecimal("2")!), "cid": .text("abc"), "isolated": .bool(true), "spot": .bool(true)
        ]
        values["target"] = .text(action == .step ? "3" : "LTCBTC")
        values["value"] = .decimal(ExactDecimal("0.0015")!)
        let operation = entry.operation(ArgumentValues(values))
        #expect(operation.endpoint.path == "/bnc-sim/v1/\(action.rawValue)" && operation.endpoint.method == .post)
        #expect(!operation.endpoint.path.hasPrefix("/api/") && !operation.endpoint.path.hasPrefix("/sapi/"))
        let documented = operation.endpoint.parameterNames
        let sent = operation.parameters.map(\.name)
        let positions = sent.compactMap { documented.firstIndex(of: $0) }
        #expect(positions.count == sent.count && positions == positions.sorted(), "sim \(action) sends \(sent)")
        let expected: [String] =
            switch action {
            case .order: ["symbol", "isIsolated", "side", "quantity", "price", "newClientOrderId", "spot"]
            case .price: ["symbol", "price"]
            case .step: ["count"]
            }
        #expect(sent == expected)
    }

    @Test func endpointsAreTheTablesOperationsEachOnce() {
        let endpoints = CommandCatalog.standard.endpoints
        #expect(Set(endpoints.map(\.line)).count == endpoints.count)
        for entry in CommandCatalog.standard.entries where !entry.choosesEndpointAtRunTime {
            for endpoint in entry.operationEndpoints { #expect(endpoints.contains(endpoint)) }
            #expect(entry.endpoint == entry.operationEndpoint.line)
            #expect(entry.operationTitle == entry.operationEndpoint.title)
        }
    }

    @Test func readsAreSafeToResendAndWritesAreNot() {
        for endpoint in CommandCatalog.standard.endpoints {
            // Every GET bnc knows is a read; every DELETE a write (checked or reported unknown).
            #expect((endpoint.method == .get) == (endpoint.effect == .read), "\(endpoint.line)")
        }
    }

    /// `request`'s endpoint is what the statement gives: the parameters in the order written,
    /// the method's effect, the weight given against the path's family.
    @Test func aRunTimeEntryBuildsItsEndpointFromTheArguments() throws {
        let entry = try #require(CommandCatalog.standard.entry(named: "request"))
        #expect(entry.choosesEndpointAtRunTime && !CommandCatalog.standard.endpoints.contains(entry.operationEndpoint))
        var values = ArgumentValues([
            "method": .text("DELETE"), "path": .text("/sapi/v1/margin/order"), "signed": .bool(true), "weight": .integer(10)
        ])
        values.parameters = [QueryParameter("symbol", "LTCBTC"), QueryParameter("orderId", "28")]
        let operation = entry.operation(values)
        let request = try RequestBuilder(credentials: DemoCredentials.hmac, recvWindow: 5000).prepare(operation, timestamp: 1)
        #expect(
            request.method == .delete && request.path == "/sapi/v1/margin/order" && request.effect == .write
                && request.limitFamily == .sapi)
        #expect(request.weight == RequestWeight(10, .ip) && request.apiKey == DemoCredentials.hmac.apiKey)
        #expect(request.query == "symbol=LTCBTC&orderId=28&recvWindow=5000&timestamp=1")
        values["method"] = .text("GET")
        values["path"] = .text("/api/v3/ticker/price")
        values["signed"] = nil
        values["weight"] = nil
        let read = try RequestBuilder(credentials: DemoCredentials.hmac, recvWindow: 5000).prepare(
            entry.operation(values), timestamp: 1)
        // Unsigned: no timestamp, no recvWindow, no signature; the key header still goes.
        #expect(read.query == "symbol=LTCBTC&orderId=28" && read.signature == nil && read.effect == .read)
        #expect(read.weight == RequestWeight(1, .ip) && read.limitFamily == .api && read.apiKey != nil)
    }

    @Test func theDryRunSignsWithTheInstancesEndpoint() throws {
        let entry = try #require(CommandCatalog.standard.entry(named: "cancel"))
        let operation = entry.operation(Self.everything(entry))
        let request = try RequestBuilder(credentials: DemoCredentials.hmac).prepare(operation, timestamp: 1)
        #expect(request.method == .delete && request.path == "/sapi/v1/margin/order")
        #expect(request.title == entry.operationTitle && request.weight == RequestWeight(10, .ip))
        #expect(request.effect == .write && request.limitFamily == .sapi)
        #expect(request.parameters.map(\.name) == entry.operationEndpoint.signedParameterOrder)
    }
}
