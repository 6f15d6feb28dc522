import BNCTestSupport
import BinanceAPI
import Foundation
import Testing

@testable import Script

/// Feeds the lexer, parser, checker and (for inputs that check clean) the interpreter with a
/// dry-run host and a statement limit: 100,000+ generated and mutated inputs, none may crash,
/// hang, or produce a malformed diagnostic. Deterministic (fixed seeds), so a failure reproduces.
@Suite struct FuzzTests {
    static let seeds = [
        "let sym = \"LTCBTC\"\ncancel $sym id=28 isolated\n",
        "cancel LTCBTC cid=myOrder1 newcid=undo-1 recv=5000\n",
        "let r = cancel LTCBTC id=29\nprint $r.status $r.executedQty \"done for ${sym}\"\n",
        "for id in 30..40 { cancel $sym id=$id }\n",
        "parallel 4 for id in 30..40 {\n  try { let r = cancel $sym id=$id; print $id $r.symbol } on error e { print $e }\n}\n",
        "repeat 3 { print \"x\" }\nif $r.status == \"CANCELED\" { print \"ok\" } else { print \"still open\" }\n",
        "try {\n  cancel LTCBTC id=1\n} on error e {\n  print $e.code $e.msg\n}\n",
        "param n = 2\nfor x in [1, 2.5, \"a\", [true, false]] { print $x }\nlet l = [30, 31, 35]\nprint $l.count\n",
        "if not (1 < 2 and 3 >= 3) || false { fail \"no\" } else if a != b { sleep 0 }\n",
        "#!/usr/bin/env -S bnc run\ncancel symbol=BTCUSDT orderId=7 isIsolated=TRUE recvWindow=100 \\\n  newClientOrderId=x\n"
    ]

    static let fragments = [
        "let ", "param ", "print ", "for ", "parallel 3 ", "parallel ", " in ", "repeat ", "if ", " else ", "try ", " on error ",
        "sleep ", "fail ",
        "cancel ", "LTCBTC ", "id=", "cid=", "newcid=", "recv=", "isolated ", "isIsolated=", "orderId=", "$sym", "$id",
        "$r.status", "${sym}", "\"", "'", "{", "}", "[", "]", "(", ")", ",", "..", "==", "!=", "<", ">=", "&&", "||",
        "!", "and ", "or ", "not ", "true", "false", "28", "-1", "0.001", "99999999999999999999", "\n", ";", " ",
        "#", "\\", "\\\n", "$", "=", "x", "é", "币安", "\t", "\r\n", "1..3", "[1, 2]", "\"a ${x.y} $z\"", "-9223372036854775808",
        "9223372036854775807", ".count", ".first", ".0", "{ }", "$r..$id"
    ]

    static let alphabet: [Character] = Array(
        "abcXYZ019 \n\t\"'{}[]()$=.,;#\\!<>&|-_:/@%+é币\u{0}\u{301}\u{FEFF}🙂")

    /// Random sequences of language fragments: mostly-plausible scripts that exercise the parser deeply.
    static func generated(_ random: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<(1 + random.below(24)) { text += random.pick(fragments) }
        return text
    }

    /// A seed script with characters inserted, deleted, replaced or fragments spliced in.
    static func mutated(_ random: inout SplitMix64) -> String {
        var characters = Array(random.pick(seeds))
        for _ in 0..<(1 + random.below(6)) {
            let position = characters.isEmpty ? 0 : random.below(characters.count + 1)
            switch random.below(4) {
            case 0: characters.insert(random.pick(alphabet), at: position)
            case 1: if position < characters.count { characters.remove(at: position) }
            case 2: if position < characters.count { characters[position] = random.pick(alphabet) }
            default: characters.insert(contentsOf: Array(random.pick(fragments)), at: position)
            }
        }
        return String(characters)
    }

    /// Arbitrary bytes, decoded as UTF-8 with replacement.
    static func bytes(_ random: inout SplitMix64) -> String {
        let count = random.below(80)
        var bytes: [UInt8] = []
        for _ in 0..<count { bytes.append(UInt8(truncatingIfNeeded: random.next())) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Checks the invariants every diagnostic must hold.
    static func validate(_ diagnostics: [Diagnostic], source text: String, input: String) {
        guard !diagnostics.isEmpty else { return }
        // Lines as SourceFile counts them (a "\r\n" pair is one line break), without building one.
        let lineCount = text.reduce(1) { $1 == "\n" || $1 == "\r\n" ? $0 + 1 : $0 }
        for diagnostic in diagnostics {
            let location = diagnostic.location
            guard location.file == "f.bnc", location.line >= 1, location.line <= lineCount, location.column >= 1,
                !diagnostic.message.isEmpty, diagnostic.rendered.hasPrefix("f.bnc:\(location.line):\(location.column): ")
            else {
                Issue.record("malformed diagnostic \(diagnostic) for input \(input.debugDescription)")
                return
            }
        }
    }

    @Test func hundredThousandInputsNeverCrashOrHang() async {
        let host = DryRunHost(credentials: DemoCredentials.hmac, clock: ExchangeClock(fixed: 1), baseURL: "http://f")
        let output = CollectingDiscard()
        var random = SplitMix64(seed: 0xB1A4_CE00_2026)
        var checked = 0
        var ran = 0
        let started = ContinuousClock.now
        for index in 0..<100_000 {
            let input: String
            switch index % 3 {
            case 0: input = Self.generated(&random)
            case 1: input = Self.mutated(&random)
            default: input = index % 30 == 2 ? Self.bytes(&random) : Self.mutated(&random)
            }
            // A fresh session keeps inputs independent; `sym`, `r` and `id` are predefined so
            // more generated inputs get past the checker and into the interpreter.
            let session = ScriptSession(
                host: host, output: output, limits: ExecutionLimits(maximumStatements: 12, maximumSleep: 0),
                variables: ["sym": .string("LTCBTC"), "id": .integer(28), "r": .record(Record([("status", .string("CANCELED"))]))]
            )
            let diagnostics = session.check(input, file: "f.bnc")
            Self.validate(diagnostics, source: input, input: input)
            checked += 1
            if index % 4 == 0 { _ = session.isInputComplete(input) }
            if diagnostics.isEmpty {
                let outcome = await session.run(input, file: "f.bnc")
                Self.validate(outcome.diagnostics, source: input, input: input)
                if outcome.status == .rejected {
                    Issue.record("clean input rejected at run time: \(input.debugDescription)")
                }
                ran += 1
            }
        }
        let elapsed = ContinuousClock.now - started
        #expect(checked == 100_000)
        // The generators must reach the interpreter, not only the error paths.
        #expect(ran > 5_000, "only \(ran) inputs checked clean and ran")
        // About 16 s alone; the bound only catches a pathological slowdown, with room for a CI
        // machine whose two cores also run the rest of the suite in parallel (62 s seen once).
        #expect(elapsed < .seconds(180), "fuzzing took \(elapsed)")
    }
}

/// Drops output (the fuzz test only cares that running does not fail).
struct CollectingDiscard: ScriptOutputSink {
    func emit(_ output: ScriptOutput) {}
}
