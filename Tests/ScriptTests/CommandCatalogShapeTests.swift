import BinanceAPI
import Testing

@testable import Script

/// The shape that makes an endpoint one operation file plus one command entry: every entry's
/// operation agrees with its own endpoint description, and everything that needs an endpoint
/// (help, `bnc explain`) can read it from the table.
@Suite struct CommandCatalogShapeTests {
    /// A value for every argument of `entry` (so every optional parameter is sent).
    static func everything(_ entry: CommandEntry) -> ArgumentValues {
        var values: [String: ArgumentValue] = [:]
        for spec in entry.arguments {
            switch spec.kind {
            case .symbol: values[spec.name] = .text("LTCBTC")
            case .integer: values[spec.name] = .integer(7)
            case .decimal: values[spec.name] = .decimal(ExactDecimal("1.5")!)
            case .text: values[spec.name] = .text("abc")
            case .bool, .flag: values[spec.name] = .bool(true)
            }
        }
        return ArgumentValues(values)
    }

    @Test(arguments: CommandCatalog.standard.entries.map(\.name))
    func parametersFollowTheDocumentedOrder(_ name: String) throws {
        let entry = try #require(CommandCatalog.standard.entry(named: name))
        let operation = entry.operation(Self.everything(entry))
        let documented = operation.endpoint.parameterNames
        let sent = operation.parameters.map(\.name)
        // Each parameter sent is documented, at most once, in the documented order.
        let positions = sent.map { documented.firstIndex(of: $0) }
        #expect(!positions.contains(nil), "\(name) sends \(sent), not all in \(documented)")
        let indices = positions.compactMap { $0 }
        #expect(indices == indices.sorted() && Set(indices).count == indices.count, "\(name) sends \(sent)")
        #expect(!sent.contains("timestamp") && !sent.contains("signature"))
        // The entry's endpoint is the operation's: help and explain show what is sent.
        #expect(entry.operationEndpoint == operation.endpoint)
    }

    @Test(arguments: CommandCatalog.standard.entries.map(\.name))
    func everyArgumentFillsADocumentedParameterThatIsSent(_ name: String) throws {
        let entry = try #require(CommandCatalog.standard.entry(named: name))
        let sent = Set(entry.operation(Self.everything(entry)).parameters.map(\.name))
        for spec in entry.arguments {
            let parameter = spec.parameter
            #expect(entry.operationEndpoint.parameterNames.contains(parameter), "\(name) \(spec.name)=")
            #expect(sent.contains(parameter), "\(name) \(spec.name)= does not reach the request")
        }
    }

    @Test func endpointsAreTheTablesOperationsEachOnce() {
        let endpoints = CommandCatalog.standard.endpoints
        #expect(Set(endpoints.map(\.line)).count == endpoints.count)
        for entry in CommandCatalog.standard.entries {
            #expect(endpoints.contains(entry.operationEndpoint))
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
