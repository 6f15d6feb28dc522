import BinanceAPI
import Foundation
import Testing

@testable import BinanceSimulator

/// Holds the simulator to the fidelity corpus (`Tests/Fidelity/`, see ``FidelityCorpus``): every
/// served route has a file, every documented answer in it is what the simulator sends (status,
/// body shape, field order and types, weight header; error code and text), and every route
/// answers the general HTTP semantics (401 key errors, -1022, -1021, 429/418 with Retry-After,
/// 5XX, the WAF's 403). Values are not compared: the demo's data is the simulator's own.
@Suite struct FidelityCorpusTests {
    let corpus: FidelityCorpus

    init() throws { corpus = try FidelityCorpus.load() }

    @Test func everyServedRouteHasAnEntryAndEveryEntryARoute() {
        let routes = Set(SimulatorRoute.table.map { "\($0.method) \($0.path)" })
        let entries = corpus.entries.map { "\($0.method) \($0.path)" }
        for route in routes.subtracting(entries).sorted() {
            Issue.record("\(route) is served but has no file in Tests/Fidelity/: add the exchange's documented answer")
        }
        for entry in corpus.entries where !routes.contains("\(entry.method) \(entry.path)") {
            Issue.record("\(entry.file): \(entry.method) \(entry.path) is not a route of SimulatorRoute.table")
        }
        #expect(Set(entries).count == entries.count, "two files for one endpoint")
        #expect(corpus.general["cases"] != nil)
    }

    @Test func everyEntrySaysWhereItCameFromAndWhatWasInferred() {
        for entry in corpus.entries {
            let page = entry.json["page"]
            #expect(page?["title"]?.stringValue?.isEmpty == false, "\(entry.file): page title")
            #expect(page?["url"]?.stringValue?.hasPrefix("https://developers.binance.com/") == true, "\(entry.file): page url")
            if let copy = page?["copy"]?.stringValue {
                let url = FidelityCorpus.directory.deletingLastPathComponent().deletingLastPathComponent()
                    .appendingPathComponent(copy)
                // The seed copy sits beside the repository (../shared); check it names the page when present.
                if let text = try? String(contentsOf: url, encoding: .utf8) {
                    #expect(text.contains(page?["url"]?.stringValue ?? "?"), "\(entry.file): \(copy) is another page")
                }
            }
            guard case .array(let responses)? = entry.json["responses"], !responses.isEmpty else {
                Issue.record("\(entry.file): no responses")
                continue
            }
            #expect(responses.contains { $0["status"]?.integerValue == 200 }, "\(entry.file): no 200 case")
            for response in responses {
                if let inferred = response["inferred"] {
                    #expect(inferred["what"]?.stringValue != nil && inferred["from"]?.stringValue != nil, "\(entry.file)")
                }
                if response["error"] != nil { #expect(response["source"]?.stringValue != nil, "\(entry.file): error source") }
            }
        }
    }

    @Test func everyDocumentedAnswerIsTheSimulatorsAnswer() throws {
        for entry in corpus.entries {
            guard case .found(let route) = SimulatorRoute.resolve(method: entry.method, path: entry.path),
                case .array(let responses)? = entry.json["responses"]
            else { continue }
            for response in responses {
                let label = "\(entry.file) '\(response["case"]?.stringValue ?? "?")'"
                let sent = FidelityRequest(route: route, case: response)
                let answer = sent.send(to: Exchange.demo())
                #expect(answer.status == Int(response["status"]?.integerValue ?? 0), "\(label): \(answer.bodyText)")
                let weight = answer.header(route.family.usedWeightHeader)
                #expect(route.family.usedWeightHeader == entry.json["weight"]?["header"]?.stringValue, "\(label)")
                // A fresh exchange: the header shows this request's own weight, the documented one.
                #expect(weight == entry.json["weight"]?["value"]?.stringValue, "\(label): weight header \(weight ?? "absent")")
                // Headers a case documents (spot placement's order counts) are present with their
                // values; every other absent header stays absent.
                var documented: Set<String> = []
                if case .object(let headers)? = response["headers"] {
                    for name in headers.keys {
                        documented.insert(name.lowercased())
                        #expect(answer.header(name) == headers[name]?.stringValue, "\(label): \(name)")
                    }
                }
                checkAbsentHeaders(answer, label, except: documented)
                try checkBody(answer, response, label)
            }
        }
    }

    @Test func everyRouteAnswersTheGeneralHTTPSemantics() throws {
        guard case .array(let cases)? = corpus.general["cases"] else {
            Issue.record("general.json has no cases")
            return
        }
        for entry in corpus.entries {
            guard case .found(let route) = SimulatorRoute.resolve(method: entry.method, path: entry.path),
                case .array(let responses)? = entry.json["responses"],
                let base = responses.first(where: { $0["status"]?.integerValue == 200 })
            else { continue }
            for general in cases {
                if general["routes"]?.stringValue == "signed" && !route.isSigned { continue }
                let label = "\(entry.endpointLabel) '\(general["case"]?.stringValue ?? "?")'"
                var sent = FidelityRequest(route: route, case: base)
                sent.apply(general)
                let exchange = Exchange.demo(FidelityRequest.configuration(general["configuration"]))
                var answer = sent.send(to: exchange)
                if let until = general["repeatUntil"]?.integerValue {
                    for _ in 0..<8 where answer.status != Int(until) { answer = sent.send(to: exchange) }
                }
                try checkGeneral(answer, general, route: route, label)
            }
        }
    }

    /// The body against the case: an error's code and text, or the documented shape.
    func checkBody(_ answer: SimulatorResponse, _ response: JSONValue, _ label: String) throws {
        let body = try JSONValue.parse(answer.body)
        if let error = response["error"] {
            #expect(FidelityCorpus.mismatches(body, .object(errorShape), at: "body").isEmpty, "\(label): \(answer.bodyText)")
            #expect(body["code"]?.integerValue == error["code"]?.integerValue, "\(label): \(answer.bodyText)")
            if let text = error["msg"]?.stringValue { #expect(body["msg"]?.stringValue == text, "\(label)") }
        } else if let shape = response["body"] {
            let found = FidelityCorpus.mismatches(body, shape, at: "body")
            #expect(found.isEmpty, "\(label): \(found.joined(separator: "; "))")
        }
    }

    func checkGeneral(_ answer: SimulatorResponse, _ general: JSONValue, route: SimulatorRoute, _ label: String) throws {
        if let status = general["status"]?.integerValue {
            #expect(answer.status == Int(status), "\(label): \(answer.status) \(answer.bodyText)")
        } else {
            #expect((500...599).contains(answer.status), "\(label): \(answer.status)")
        }
        checkAbsentHeaders(answer, label)
        if case .array(let names)? = general["headers"] {
            for name in names.compactMap(\.stringValue) {
                let header = name == "weight" ? route.family.usedWeightHeader : name
                #expect(answer.header(header).flatMap { Int64($0) } != nil, "\(label): \(header)")
            }
        }
        if case .array(let names)? = general["absentHeaders"] {
            for name in names.compactMap(\.stringValue) {
                let header = name == "weight" ? route.family.usedWeightHeader : name
                #expect(answer.header(header) == nil, "\(label): \(header) present")
            }
        }
        if general["html"]?.boolValue == true {
            #expect(answer.header("Content-Type")?.hasPrefix("text/html") == true, "\(label)")
            #expect((try? JSONValue.parse(answer.body)) == nil, "\(label): the WAF's body is not JSON")
            #expect(answer.bodyText.contains("403 ERROR"), "\(label)")
            return
        }
        let body = try JSONValue.parse(answer.body)
        #expect(FidelityCorpus.mismatches(body, .object(errorShape), at: "body").isEmpty, "\(label): \(answer.bodyText)")
        let code = body["code"]?.integerValue
        if let error = general["error"] {
            #expect(code == error["code"]?.integerValue, "\(label): \(answer.bodyText)")
            if let text = error["msg"]?.stringValue { #expect(body["msg"]?.stringValue == text, "\(label)") }
        }
        if case .array(let codes)? = general["errorCodes"] {
            #expect(codes.contains { $0.integerValue == code }, "\(label): \(answer.bodyText)")
        }
    }

    /// No answer carries the spot order-count headers but those of spot order placement that
    /// its case documents (`except`, lowercased names).
    func checkAbsentHeaders(_ answer: SimulatorResponse, _ label: String, except documented: Set<String> = []) {
        guard case .array(let names)? = corpus.general["absentHeaders"]?["names"] else {
            Issue.record("general.json: absentHeaders")
            return
        }
        for name in names.compactMap(\.stringValue) where !documented.contains(name.lowercased()) {
            #expect(answer.header(name) == nil, "\(label): \(name)")
        }
    }

    /// `{"code":number,"msg":string}`: every error body the exchange documents.
    var errorShape: JSONObject { JSONObject([("code", .string("number")), ("msg", .string("string"))]) }
}

extension FidelityCorpus.Entry {
    var endpointLabel: String { "\(method) \(path)" }
}

extension SimulatorResponse {
    /// The first header named `name` (ASCII case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
