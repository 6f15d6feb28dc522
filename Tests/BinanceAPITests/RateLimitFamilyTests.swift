import Testing

@testable import BinanceAPI

/// The exchange keeps three request-weight limits apart — `/sapi` per IP, `/sapi` per account
/// (UID) and `/api` — each reported in its own header. Each family learns only from its header
/// and paces only its own requests.
@Suite struct RateLimitFamilyTests {
    static func answer(_ headers: [(String, String)]) -> TransportResponse {
        TransportResponse(status: 200, headers: headers.map { HTTPHeader($0.0, $0.1) }, body: [])
    }

    /// Every header a response may carry, each with its own number.
    static let allHeaders = [
        ("X-SAPI-USED-IP-WEIGHT-1M", "111"), ("X-SAPI-USED-UID-WEIGHT-1M", "222"), ("X-MBX-USED-WEIGHT-1M", "333")
    ]

    @Test func pathAndScopePickTheFamily() {
        #expect(RateLimitState.Family(path: "/sapi/v1/margin/order", scope: .ip) == .sapi)
        #expect(RateLimitState.Family(path: "/sapi/v1/margin/orderList", scope: .uid) == .sapiUID)
        #expect(RateLimitState.Family(path: "/api/v3/order", scope: .ip) == .api)
        #expect(
            EndpointDescription(
                .delete, "/sapi/v1/margin/orderList", weight: RequestWeight(1, .uid), security: .trade, title: "t",
                effect: .write, parameters: []
            ).limitFamily == .sapiUID)
    }

    @Test(arguments: [
        (RateLimitState.Family.sapi, 111), (RateLimitState.Family.sapiUID, 222), (RateLimitState.Family.api, 333)
    ])
    func eachFamilyReadsItsOwnHeader(family: RateLimitState.Family, expected: Int) {
        var state = RateLimitState()
        let ticket = state.willSend(family: family, weight: 1)
        state.didReceive(Self.answer(Self.allHeaders), family: family, weight: 1, now: 10, wallNow: 10, ticket: ticket)
        #expect(state.budget(family).used == expected)
        for other in RateLimitState.Family.allCases where other != family {
            #expect(state.budget(other).used == 0, "\(other) learned from \(family)'s answer")
        }
        #expect(state.lastFamily == family)
    }

    @Test func theDefaultsAreTheExchangesLimits() {
        let state = RateLimitState()
        #expect(state.budget(.sapi).limit == 12_000)
        #expect(state.budget(.sapiUID).limit == 180_000)
        #expect(state.budget(.api).limit == 6_000)
        #expect(RateLimitState.Family.api.usedWeightHeader == "X-MBX-USED-WEIGHT-1M")
        #expect(RateLimitState.Family.sapiUID.usedWeightHeader == "X-SAPI-USED-UID-WEIGHT-1M")
    }

    @Test func aFullApiWindowHoldsSpotRequestsButNotMarginOnes() {
        var state = RateLimitState(.init(apiLimit: 100, headroom: 0))
        state.willSend(family: .api, weight: 4)
        state.didReceive(
            Self.answer([("X-MBX-USED-WEIGHT-1M", "98")]), family: .api, weight: 4, now: 1000, wallNow: 1000)
        #expect(state.admission(family: .api, weight: 4, now: 2000) == .wait(59_000))
        #expect(state.admission(family: .sapi, weight: 10, now: 2000) == .send)
        #expect(state.admission(family: .sapiUID, weight: 1, now: 2000) == .send)
    }

    @Test func eachFamilyHasItsProfileKey() throws {
        let profile = try ConnectionProfile.parse(
            "weightLimit = 1200\nuidWeightLimit = 18000\napiWeightLimit = 600\n", path: "/p")
        let configuration = profile.rateLimits
        #expect(configuration.sapiLimit == 1200 && configuration.sapiUIDLimit == 18_000 && configuration.apiLimit == 600)
        #expect(RateLimitState.Family.allCases.map(\.profileKey) == ["weightLimit", "uidWeightLimit", "apiWeightLimit"])
        #expect(throws: ProfileError.self) { try ConnectionProfile.parse("apiWeightLimit = 0\n", path: "/p") }
    }
}
