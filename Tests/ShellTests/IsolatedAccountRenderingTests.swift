import BinanceAPI
import Script
import Testing

@testable import Shell

/// `isolated-account` as text: the totals, then a row per account and asset, instead of each
/// account's nested assets as JSON text in one cell.
@Suite struct IsolatedAccountRenderingTests {
    static let answer = #"""
        {"assets":[{"baseAsset":{"asset":"LTC","borrowEnabled":true,"borrowed":"0.00000000","free":"93.00000000","interest":"0.00000000","locked":"7.00000000","netAsset":"100.00000000","netAssetOfBtc":"0.15500000","repayEnabled":true,"totalAsset":"100.00000000"},"quoteAsset":{"asset":"BTC","borrowEnabled":true,"borrowed":"0.50000000","free":"0.00000000","interest":"0.00100000","locked":"0.00000000","netAsset":"-0.50100000","netAssetOfBtc":"-0.50100000","repayEnabled":true,"totalAsset":"0.00000000"},"symbol":"LTCBTC","isolatedCreated":true,"enabled":true,"marginLevel":"1.30000000","marginLevelStatus":"MARGIN_CALL","marginRatio":"5.00000000","indexPrice":"0.00155000","liquidatePrice":"0.00120000","liquidateRate":"1.10000000","tradeEnabled":true}],"totalAssetOfBtc":"0.15500000","totalLiabilityOfBtc":"0.50100000","totalNetAssetOfBtc":"-0.34600000"}
        """#

    static func value(_ text: String) throws -> Value {
        Value(json: try JSONValue.parse(Array(text.utf8)))
    }

    @Test func theTotalsThenARowPerAccountAndAsset() throws {
        let text = ValueTextRenderer().render(try Self.value(Self.answer))
        #expect(
            text == """
                totalAssetOfBtc      0.15500000
                totalLiabilityOfBtc  0.50100000
                totalNetAssetOfBtc   -0.34600000

                symbol  asset  free         locked      borrowed    netAsset      marginLevel  marginLevelStatus
                LTCBTC  LTC    93.00000000  7.00000000  0.00000000  100.00000000  1.30000000   MARGIN_CALL
                LTCBTC  BTC    0.00000000   0.00000000  0.50000000  -0.50100000   1.30000000   MARGIN_CALL
                """)
    }

    @Test func wideShowsEveryFieldOfTheAssetAndTheAccount() throws {
        let text = ValueTextRenderer(options: RenderOptions(columns: .all)).render(try Self.value(Self.answer))
        let header = try #require(text.split(separator: "\n").first { $0.hasPrefix("symbol") })
        for name in ["borrowEnabled", "interest", "netAssetOfBtc", "totalAsset", "indexPrice", "liquidatePrice", "tradeEnabled"] {
            #expect(header.contains(name), "\(name) in \(header)")
        }
        #expect(!header.contains("baseAsset"))
    }

    @Test func namedSymbolsHaveNoTotalsAndNoAccountSaysSo() throws {
        #expect(ValueTextRenderer().render(try Self.value(#"{"assets":[]}"#)) == "(no isolated margin accounts)")
        let one = String(Self.answer[..<Self.answer.range(of: #","totalAssetOfBtc""#)!.lowerBound]) + "}"
        #expect(ValueTextRenderer().render(try Self.value(one)).hasPrefix("symbol  asset"))
    }

    /// An exchange that sends something else under `assets` gets the plain record view, its
    /// control characters escaped as everywhere.
    @Test func anythingElseIsAPlainRecord() throws {
        let other = ValueTextRenderer().render(try Self.value(#"{"assets":[],"total":"5"}"#))
        #expect(other.contains("total") && other.contains("5"), "\(other)")
        let text = ValueTextRenderer().render(try Self.value(#"{"assets":[{"symbol":"X\u001b[2J"}]}"#))
        #expect(text.hasPrefix("assets  "))
        #expect(!text.contains("\u{1B}"))
    }
}
