import Foundation
import Testing

/// Exploring the embedded exchange in the shell as a new user would, in tmux at 80 and 120
/// columns (issue 16): results fit the terminal (no wrapped line, `capture-pane -J`), expanded
/// records when narrow, dates instead of epoch milliseconds, completion from the exchange, the
/// inline hint, an answer after -2011, and `time` with offset and round trip.
@Suite("Shell exploration, in tmux at 80 and 120 columns", .serialized)
struct ShellExplorationTests {
    static let prompt = "bnc(sim)>"

    /// A shell on the embedded simulator: UTC dates, `cat` as the pager (a result taller than
    /// the window still goes through it), the symbol cache in the test's HOME.
    static func shell(columns: Int) throws -> ShellTmuxHarness {
        let shell = try ShellTmuxHarness(
            arguments: ["--no-log"], environment: ["TZ": "UTC", "PAGER": "cat"], columns: columns, rows: 30)
        try shell.waitForLastLine(prompt)
        return shell
    }

    /// Runs `statement` and waits for the next prompt; returns everything on screen and above it.
    static func run(_ statement: String, in shell: ShellTmuxHarness, expecting text: String) throws -> String {
        try shell.press("C-l")
        try shell.waitFor("a cleared screen") { $0 == prompt }
        try shell.type(statement)
        try shell.press("Enter")
        try shell.waitFor(text: text, timeout: 15)
        try shell.waitForLastLine(prompt)
        return try shell.joinedScreen()
    }

    /// The lines of `screen` (trailing spaces removed) that are wider than `columns`.
    static func overlong(_ screen: String, columns: Int) -> [String] {
        screen.split(separator: "\n").map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
            .filter { $0.count > columns }
    }

    @Test(
        "open and orders fit: a compact table at 120 columns, expanded records at 80; dates, not epoch ms", arguments: [80, 120])
    func resultsFit(columns: Int) throws {
        let shell = try Self.shell(columns: columns)
        defer {
            shell.close()
            shell.removeHome()
        }
        // The demo's LTCBTC orders with its OCO legs (STOP_LOSS_LIMIT beside PARTIALLY_FILLED)
        // make a 122-column table: it fits neither width, so both show records.
        let open = try Self.run("open LTCBTC", in: shell, expecting: "ltcOco7Stop")
        #expect(Self.overlong(open, columns: columns).isEmpty, "wrapped lines:\n\(open)")
        #expect(open.contains("2026-01-01 00:00:00"))
        #expect(!open.contains("1767225600000") && !open.contains("cummulativeQuoteQty"))
        #expect(open.contains("-[ 1 of 5 ]") && open.contains("-[ 5 of 5 ]"), "\(open)")
        #expect(open.contains("clientOrderId  myOrder1") && open.contains("type           STOP_LOSS_LIMIT"))
        // The isolated account's three orders make a 113-column table: compact at 120, records at 80.
        let isolated = try Self.run("open LTCBTC isolated", in: shell, expecting: "ltcIsoOco8Stop")
        #expect(Self.overlong(isolated, columns: columns).isEmpty, "wrapped lines:\n\(isolated)")
        #expect(isolated.contains("2026-01-01 00:03:00") && !isolated.contains("1767225780000"))
        if columns >= 120 {
            #expect(
                isolated.contains(
                    "orderId  clientOrderId    side  type             price       origQty     executedQty  status  time"))
            #expect(isolated.contains("31       isoOrder1        SELL  LIMIT"))
            #expect(!isolated.contains("-[ 1 of 3 ]"))
        } else {
            #expect(isolated.contains("-[ 1 of 3 ]") && isolated.contains("-[ 3 of 3 ]"))
            #expect(isolated.contains("clientOrderId  isoOrder1"))
        }
        let orders = try Self.run("orders LTCBTC", in: shell, expecting: "ltcOco7Stop")
        #expect(orders.contains("filled27"))
        #expect(Self.overlong(orders, columns: columns).isEmpty, "wrapped lines:\n\(orders)")
        #expect(orders.contains("FILLED"))
        #expect(orders.contains("-[ 6 of 6 ]") && orders.contains("clientOrderId  filled27"), "\(orders)")
        // `wide` shows every field for one statement; the next is compact again.
        let wide = try Self.run("open LTCBTC isolated wide", in: shell, expecting: "ltcIsoOco8Stop")
        #expect(wide.contains("selfTradePreventionMode") && wide.contains("isoOrder1"))
        #expect(Self.overlong(wide, columns: columns).isEmpty, "wrapped lines:\n\(wide)")
    }

    @Test("TAB completes a symbol from the exchange's lists and lists the open ids; the hint shows the rest of the syntax")
    func completionAndHints() throws {
        let shell = try Self.shell(columns: 120)
        defer {
            shell.close()
            shell.removeHome()
        }
        try shell.type("cancel ")
        let hinted = try shell.waitFor(
            text: "SYMBOL (id=N | cid=TEXT) [isolated | spot] [newcid=TEXT] [only=new|partial] [recv=MS] [wide]")
        #expect(hinted.split(separator: "\n").last?.hasPrefix("\(Self.prompt) cancel") == true)
        try shell.type("LTC")
        try shell.press("Tab")
        try shell.waitFor("cancel LTCBTC") { $0.split(separator: "\n").last?.hasPrefix("\(Self.prompt) cancel LTCBTC ") == true }
        // The lists were fetched once and cached for the next shell.
        let cache = shell.home.appendingPathComponent(".cache/bnc").path
        #expect((try? FileManager.default.contentsOfDirectory(atPath: cache))?.count == 3)
        try shell.type("id=")
        try shell.press("Tab")
        let listed = try shell.waitFor(text: "id=30")
        #expect(listed.contains("id=28") && listed.contains("id=29"))
        #expect(listed.contains("SELL 1.00000000") && listed.contains("BUY  0.00150000"))
        #expect(!listed.contains("id=31"), "31 is on the isolated account")
        try shell.press("C-c")
        try shell.waitForLastLine(Self.prompt)
        // After id= is given, no cid= (nor orderId=, origClientOrderId=) is offered.
        try shell.press("C-l")
        try shell.waitFor("a cleared screen") { $0 == Self.prompt }
        try shell.type("cancel LTCBTC id=28 ")
        try shell.press("Tab")
        let rest = try shell.waitFor(text: "recvWindow=")
        let words = Set(rest.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        #expect(words.contains("isolated") && words.contains("newcid="))
        #expect(words.isDisjoint(with: ["id=", "cid=", "orderId=", "origClientOrderId="]), "\(rest)")
        try shell.press("C-c")
        try shell.waitForLastLine(Self.prompt)
    }

    @Test("-2011 on a cross cancel of an isolated order names the account and the statement to run; no summary line")
    func answerAfterUnknownOrder() throws {
        let shell = try Self.shell(columns: 100)
        defer {
            shell.close()
            shell.removeHome()
        }
        let screen = try Self.run("cancel LTCBTC id=31", in: shell, expecting: "order 31 is open on the isolated account")
        #expect(screen.contains("`cancel LTCBTC id=31 isolated`"))
        #expect(!screen.contains("bnc: stopped at"))
        let filled = try Self.run("cancel LTCBTC id=27", in: shell, expecting: "order 27 was FILLED")
        #expect(filled.contains("nothing left to cancel"))
    }

    @Test("a result taller than the screen goes through $PAGER; a short one and `set pager off` do not")
    func pager() throws {
        let paged = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-paged-\(UUID().uuidString)").path
        defer { unlink(paged) }
        let shell = try ShellTmuxHarness(
            arguments: ["--no-log"], environment: ["TZ": "UTC", "PAGER": "cat >> \(paged)"], columns: 80, rows: 20)
        defer {
            shell.close()
            shell.removeHome()
        }
        try shell.waitForLastLine(Self.prompt)
        try shell.enter("open LTCBTC", prompt: Self.prompt)
        let first = (try? String(contentsOfFile: paged, encoding: .utf8)) ?? ""
        #expect(first.contains("-[ 1 of 5 ]") && first.contains("-[ 5 of 5 ]"), "50 lines on a 20-row screen: paged")
        try shell.enter("order LTCBTC id=31 isolated", prompt: Self.prompt)
        #expect(((try? String(contentsOfFile: paged, encoding: .utf8)) ?? "") == first, "one record fits: not paged")
        try shell.enter("set pager off", prompt: Self.prompt)
        try shell.press("C-l")
        try shell.waitFor("a cleared screen") { $0 == Self.prompt }
        try shell.type("open LTCBTC")
        try shell.press("Enter")
        try shell.waitFor(text: "ltcOco7Stop")
        #expect(((try? String(contentsOfFile: paged, encoding: .utf8)) ?? "") == first, "pager off: printed straight")
    }

    @Test("time shows the exchange's time, the offset to this machine and the round trip", arguments: [80, 120])
    func time(columns: Int) throws {
        let shell = try Self.shell(columns: columns)
        defer {
            shell.close()
            shell.removeHome()
        }
        let screen = try Self.run("time", in: shell, expecting: "round trip")
        #expect(screen.contains("exchange time  20"))
        #expect(screen.contains("offset "))
        #expect(screen.contains(" ms"))
        #expect(!screen.contains("serverTime"))
        #expect(Self.overlong(screen, columns: columns).isEmpty)
    }
}
