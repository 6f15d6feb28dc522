import Testing

@testable import BinanceAPI

/// The key-permission and isolated-account reads: parameters in the documented order, their
/// limits checked before signing, and answers decoded strictly where bnc acts on them.
@Suite struct AccountOperationsTests {
    @Test func isolatedAccountSendsSymbolsCommaSeparatedThenRecvWindow() throws {
        let operation = IsolatedMarginAccount(symbols: ["LTCBTC", "ETHBTC"], recvWindow: 5000)
        try operation.validate()
        #expect(operation.parameters.map(\.name) == ["symbols", "recvWindow"])
        #expect(operation.parameters.first?.value == "LTCBTC,ETHBTC")
        #expect(IsolatedMarginAccount().parameters.isEmpty)
        #expect(IsolatedMarginAccount.endpoint.line == "GET /sapi/v1/margin/isolated/account")
        #expect(IsolatedMarginAccount.endpoint.weight.value == 10)
    }

    @Test func moreThanFiveSymbolsOrAMalformedOneIsRefusedBeforeSigning() {
        let six = IsolatedMarginAccount(symbols: ["A1", "B1", "C1", "D1", "E1", "F1"])
        #expect(throws: ValidationError.valueOutOfRange(name: "the number of symbols", value: "6", range: 1...5)) {
            try six.validate()
        }
        #expect(throws: ValidationError.malformedSymbol("LTC/BTC")) { try IsolatedMarginAccount(symbols: ["LTC/BTC"]).validate() }
        #expect(throws: ValidationError.emptyValue("symbols")) { try IsolatedMarginAccount(symbols: ["LTCBTC", ""]).validate() }
    }

    @Test func apiRestrictionsIsSignedWeightOneAndItsAnswerNeedsTheFourFlags() throws {
        #expect(APIRestrictions.endpoint.security == .userData && APIRestrictions.endpoint.weight.value == 1)
        #expect(APIRestrictions(recvWindow: 3000).parameters.map(\.name) == ["recvWindow"])
        let body =
            #"{"ipRestrict":true,"createTime":1698645219000,"enableReading":true,"enableMargin":false,"enableSpotAndMarginTrading":true}"#
        let permissions = try APIKeyPermissions(json: try JSONValue.parse(Array(body.utf8)))
        #expect(permissions.ipRestrict && !permissions.enableMargin && permissions.enableFutures == nil)
        let missing = #"{"ipRestrict":false,"enableReading":true,"enableSpotAndMarginTrading":true}"#
        #expect(throws: ResponseDecodingError(field: "enableMargin", reason: "is missing")) {
            try APIKeyPermissions(json: try JSONValue.parse(Array(missing.utf8)))
        }
    }

    @Test func anIsolatedAccountEntryWithoutASymbolIsNamedInTheError() throws {
        let body = #"{"assets":[{"symbol":"LTCBTC","enabled":true},{"enabled":true}]}"#
        #expect(throws: ResponseDecodingError(field: "assets[1].symbol", reason: "is missing")) {
            try IsolatedMarginAccounts(json: try JSONValue.parse(Array(body.utf8)))
        }
    }
}
