import Foundation
import Testing

@testable import BinanceAPI

@Suite struct ExchangeErrorCatalogTests {
    /// The codes issue 17 names, and those margin and spot order endpoints answer most.
    static let required = [
        -1003, -1006, -1007, -1013, -1015, -1021, -1022, -1100, -1101, -1102, -1104, -1105, -1106, -1111, -1121,
        -2010, -2011, -2013, -2014, -2015, -3021, -11001
    ]

    @Test func coversTheCodesUsersHit() {
        for code in Self.required {
            #expect(ExchangeErrorCatalog.entry(for: code) != nil, "missing \(code)")
        }
        for kind in ExchangeErrorKind.named {
            #expect(kind.isCatalogued, "\(kind)")
            #expect(ExchangeErrorCatalog.entry(for: kind.rawValue)?.name == kind.name, "\(kind)")
        }
        #expect(Set(ExchangeErrorKind.named).count == ExchangeErrorKind.named.count)
    }

    @Test func entriesAreCompleteAndUnique() {
        let codes = ExchangeErrorCatalog.entries.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes == codes.sorted(by: >))
        for entry in ExchangeErrorCatalog.entries {
            #expect(entry.code < 0 && !entry.name.isEmpty && !entry.meaning.isEmpty && !entry.causes.isEmpty, "\(entry.code)")
            #expect(entry.name.allSatisfy { $0.isUppercase || $0 == "_" }, "\(entry.code)")
            for cause in entry.causes {
                #expect(!cause.cause.isEmpty && !cause.tell.isEmpty && !cause.fix.isEmpty, "\(entry.code)")
            }
            let text = entry.explanationText
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(entry.code)")
        }
    }

    /// -2015's causes as issue 17 lists them, and how to tell them apart.
    @Test func rejectedKeyNamesEveryCauseAndTheRestrictionsEndpoint() throws {
        let entry = try #require(ExchangeErrorCatalog.entry(for: -2015))
        let text = entry.explanationText
        for part in [
            "swapped", "whitelist", "margin permission", "binance.us", "testnet", "GET /sapi/v1/account/apiRestrictions",
            "enableMargin", "ipRestrict"
        ] {
            #expect(text.contains(part), "\(part)")
        }
        #expect(try #require(ExchangeErrorCatalog.entry(for: -1104)).explanationText.contains("body"))
        #expect(try #require(ExchangeErrorCatalog.entry(for: -1102)).explanationText.contains("URL query"))
        #expect(try #require(ExchangeErrorCatalog.entry(for: -1100)).explanationText.contains("client order id"))
        #expect(try #require(ExchangeErrorCatalog.entry(for: -2013)).explanationText.contains("isIsolated"))
        #expect(try #require(ExchangeErrorCatalog.entry(for: -2011)).explanationText.contains("isIsolated"))
        #expect(try #require(ExchangeErrorCatalog.entry(for: -11001)).inferred != nil)
    }

    @Test func theErrorsHintComesFromTheCatalog() {
        let error = ExchangeError(code: -11001, message: "Isolated margin account does not exist.", httpStatus: 400)
        #expect(error.name == "ISOLATED_MARGIN_ACCOUNT_DOES_NOT_EXIST")
        #expect(error.hint == ExchangeErrorCatalog.entry(for: -11001)?.hint)
        #expect(error.hint?.contains("without `isolated`") == true)
    }

    @Test func readsCodesAsTyped() {
        #expect(ExchangeErrorCatalog.parseCode("-2015") == -2015)
        #expect(ExchangeErrorCatalog.parseCode(" 2015 ") == -2015)
        #expect(ExchangeErrorCatalog.parseCode("-11001") == -11001)
        for bad in ["", "-", "--2015", "-20x5", "99999999999999999999", "-1e3", "+2015", "-２０１５"] {
            #expect(ExchangeErrorCatalog.parseCode(bad) == nil, "\(bad)")
        }
    }

    @Test func jsonHasEveryField() throws {
        let entry = try #require(ExchangeErrorCatalog.entry(for: -1104))
        guard case .object(let object) = entry.json else {
            Issue.record("not an object")
            return
        }
        #expect(object["code"] == .number("-1104"))
        #expect(object["name"] == .string("UNREAD_PARAMETERS"))
        guard case .array(let causes) = object["causes"] else {
            Issue.record("no causes")
            return
        }
        #expect(causes.count == entry.causes.count)
    }

    /// docs/endpoints.md holds the generated table between its markers; it must be this table.
    @Test func docsTableMatchesTheCatalog() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/endpoints.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let begin = "<!-- error-codes:begin -->\n"
        let end = "<!-- error-codes:end -->"
        let start = try #require(text.range(of: begin))
        let stop = try #require(text.range(of: end))
        let documented = String(text[start.upperBound..<stop.lowerBound])
        let expected = ExchangeErrorCatalog.markdownTable + "\n"
        if documented != expected, ProcessInfo.processInfo.environment["BNC_WRITE_ERROR_TABLE"] == "1" {
            try (String(text[..<start.upperBound]) + expected + String(text[stop.lowerBound...])).write(
                to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            documented == expected,
            "docs/endpoints.md's error table differs from ExchangeErrorCatalog: BNC_WRITE_ERROR_TABLE=1 rewrites it")
    }
}
