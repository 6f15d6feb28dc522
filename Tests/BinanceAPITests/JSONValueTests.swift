import Testing

@testable import BinanceAPI

@Suite struct JSONValueTests {
    @Test func numbersKeepTheirSourceText() throws {
        let value = try JSONValue.parse(#"{"a":1.00000000,"b":-2e10,"c":12345678901234567890}"#)
        #expect(value["a"] == .number("1.00000000"))
        #expect(value["b"] == .number("-2e10"))
        #expect(value["c"] == .number("12345678901234567890"))
    }

    @Test func objectsKeepKeyOrderAndRoundTrip() throws {
        let text = #"{"z":1,"a":[true,false,null],"m":{"k":"v\n\"q\""}}"#
        let value = try JSONValue.parse(text)
        if case .object(let object) = value { #expect(object.keys == ["z", "a", "m"]) } else { Issue.record("not an object") }
        #expect(value.serialized == text)
    }

    @Test func largeObjectsUseTheIndexAndKeepOrder() throws {
        let count = 50_000
        let text = "{" + (0..<count).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + ",\"k7\":\"again\"}"
        let value = try JSONValue.parse(text)
        guard case .object(var object) = value else {
            Issue.record("not an object")
            return
        }
        #expect(object.count == count)
        #expect(object["k7"] == "again")
        #expect(object["k49999"] == .number("49999"))
        #expect(object.keys.prefix(3) == ["k0", "k1", "k2"])
        object["k0"] = nil
        #expect(object["k0"] == nil)
        #expect(object["k1"] == .number("1"))
        #expect(object.keys.first == "k1")
    }

    @Test func smallObjectsReplaceAndRemoveInPlace() {
        var object = JSONObject([("a", 1), ("b", 2), ("a", 3)])
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == .number("3"))
        object["a"] = nil
        #expect(object.keys == ["b"])
        #expect(object == JSONObject([("b", 2)]))
        #expect(object != JSONObject([("b", 3)]))
    }

    @Test func unicodeEscapesAndSurrogates() throws {
        #expect(try JSONValue.parse(#""\u5e01\ud83d\ude00""#) == .string("币😀"))
        #expect(throws: JSONParseError.self) { try JSONValue.parse(#""\ud83d""#) }
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\"}", "01x", "\"abc", "tru", "[1] 2", "{\"a\":}", "-", "1.", "1e"])
    func rejectsMalformedText(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
    }

    @Test func randomBytesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array(#"{}[]:,"\-0123456789.eEtrufalsn u"#.utf8)
        for _ in 0..<20_000 {
            let count = Int.random(in: 0..<24, using: &generator)
            let bytes = (0..<count).map { _ in alphabet.randomElement(using: &generator)! }
            if let value = try? JSONValue.parse(bytes) {
                #expect((try? JSONValue.parse(value.serialized)) == value)
            }
        }
    }
}
