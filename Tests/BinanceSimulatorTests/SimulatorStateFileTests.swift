import BinanceAPI
import Foundation
import Testing

@testable import BinanceSimulator

/// `bnc sim --state`: the state file keeps every book, key, price and balance; a write is atomic
/// and owner-only; a file that does not load is refused and left as it was.
@Suite struct SimulatorStateFileTests {
    /// A demo exchange after a cancel, a placement, a price move that fills and a list cancel.
    static func changedExchange() -> TestClient {
        let client = TestClient()
        #expect(client.cancel("symbol=LTCBTC&orderId=29").status == 200)
        let placed = client.send(
            "POST", "/sapi/v1/margin/order",
            "symbol=LTCBTC&side=BUY&type=LIMIT&quantity=2.5&price=0.00150000&timeInForce=GTC&newClientOrderId=keep1")
        #expect(placed.status == 200, "\(placed.bodyText)")
        let isolated = client.send(
            "POST", "/sapi/v1/margin/order",
            "symbol=BTCUSDT&isIsolated=TRUE&side=SELL&type=LIMIT&quantity=0.001&price=90000&timeInForce=GTC&newClientOrderId=keepIso"
        )
        #expect(isolated.status == 200, "\(isolated.bodyText)")
        #expect(client.raw("POST", "/bnc-sim/v1/price", "symbol=LTCBTC&price=0.0014").status == 200)
        #expect(client.send("DELETE", "/sapi/v1/margin/orderList", "symbol=LTCBTC&orderListId=7").status == 200)
        #expect(client.send("DELETE", "/api/v3/order", "symbol=BTCUSDT&orderId=2001").status == 200)
        return client
    }

    @Test func aStateReadBackIsTheSameStateByteForByte() throws {
        let client = Self.changedExchange()
        let text = client.exchange.withState { $0.stateJSON() }
        let restored = try ExchangeState(stateJSON: Array(text.utf8), configuration: SimulatorConfiguration())
        #expect(restored.stateJSON() == text)
        // The books answer as before: the placed order open and partly filled, #29 canceled, the
        // OCO done, the spot cancel kept apart from margin.
        let keep = restored.openOrders(symbol: "LTCBTC", isolated: false).first { $0.clientOrderId == "keep1" }
        #expect(keep?.status == .partiallyFilled && keep?.executedQty == "1.00000000")
        #expect(restored.order(symbol: "LTCBTC", isolated: false, orderId: 29)?.status == .canceled)
        #expect(restored.orderList(symbol: "LTCBTC", isolated: false, orderListId: 7)?.isDone == true)
        #expect(restored.openOrders(symbol: "BTCUSDT", isolated: true).contains { $0.clientOrderId == "keepIso" })
        #expect(!restored.openSpotOrders(symbol: "BTCUSDT").contains { $0.orderId == 2001 })
        #expect(restored.market.prices["LTCBTC"] == SimDecimal("0.0014"))
        #expect(
            restored.market.balance(account: "demo", wallet: .cross, asset: "LTC")
                == client.exchange.withState { $0.market.balance(account: "demo", wallet: .cross, asset: "LTC") })
        // A new order after the restart takes the next id, not one already given.
        let before = client.exchange.withState { $0.nextOrderId(symbol: "LTCBTC") }
        #expect(restored.nextOrderId(symbol: "LTCBTC") == before)
    }

    @Test func keysSurviveARestartAndStillVerifySignatures() throws {
        let client = Self.changedExchange()
        let text = client.exchange.withState { $0.stateJSON() }
        let restored = TestClient(
            Exchange(state: try ExchangeState(stateJSON: Array(text.utf8), configuration: SimulatorConfiguration())))
        #expect(restored.cancel("symbol=LTCBTC&origClientOrderId=keep1").status == 200)
        #expect(restored.cancel("symbol=LTCBTC&origClientOrderId=keep1").code == -2011)
        #expect(text.contains(#""publicKey":"-----BEGIN PUBLIC KEY-----"#), "Ed25519 and RSA keys are kept as PEM")
    }

    @Test func aWriteIsOwnerOnlyAtomicAndLeavesNoTemporaryFile() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.json").path
        let file = SimulatorStateFile(path: path)
        #expect(try file.load(configuration: SimulatorConfiguration()) == nil, "no file yet: a new state")
        let exchange = Self.changedExchange().exchange
        let writer = SimulatorStateWriter(file: file, exchange: exchange) { Issue.record("write failed: \($0)") }
        #expect(writer.flush())
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(writer.flush(), "a rename replaces the old file")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["state.json"])
        let loaded = try #require(try file.load(configuration: SimulatorConfiguration()))
        #expect(loaded.stateJSON() == exchange.withState { $0.stateJSON() })
    }

    @Test func aChangeReachesTheFileWithinTheDebounce() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.json").path
        let client = TestClient()
        let writer = SimulatorStateWriter(
            file: SimulatorStateFile(path: path), exchange: client.exchange, debounceMilliseconds: 10
        ) {
            Issue.record("write failed: \($0)")
        }
        client.exchange.observeChanges { writer.noteChange() }
        #expect(client.cancel("symbol=LTCBTC&orderId=29").status == 200)
        let deadline = Date().addingTimeInterval(5)
        var text = ""
        while Date() < deadline {
            text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            if text.contains(
                #""orderId":29,"clientOrderId":"myOrder2","price":"0.00150000","origQty":"5.00000000","executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000","status":"CANCELED""#
            ) {
                break
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(
            text.contains(
                #""clientOrderId":"myOrder2","price":"0.00150000","origQty":"5.00000000","executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000","status":"CANCELED""#
            ))
        // A GET changes nothing and writes nothing.
        let writes = writer.writeCount
        #expect(client.send("GET", "/sapi/v1/margin/openOrders", "symbol=LTCBTC").status == 200)
        Thread.sleep(forTimeInterval: 0.1)
        #expect(writer.writeCount == writes)
    }

    /// Every way a file can be bad is refused with a reason, and the file stays as it was.
    @Test(arguments: [
        ("cut short", "CUT"), ("garbage", "\u{0}\u{1}garbage"), ("not an object", "[]"),
        ("another format", #"{"format":"other","version":1}"#),
        ("a later version", #"{"format":"bnc-sim-state","version":2}"#),
        ("an unknown key", "KEY"), ("a leg that is not on the book", "LEG"), ("a huge id", "ID"),
        ("a bad decimal", "DECIMAL"), ("a duplicate API key", "DUPKEY")
    ])
    func aFileThatDoesNotLoadIsRefusedAndLeftAlone(_ what: String, _ kind: String) throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.json").path
        let good = Self.changedExchange().exchange.withState { $0.stateJSON() }
        let text: String
        switch kind {
        case "CUT": text = String(good.prefix(good.count / 2))
        case "KEY": text = good.replacingOccurrences(of: #""symbols":"#, with: #""extra":1,"symbols":"#)
        case "LEG": text = good.replacingOccurrences(of: #""orderIds":[32,33]"#, with: #""orderIds":[32,999999]"#)
        case "ID": text = good.replacingOccurrences(of: #""orderId":28,"#, with: #""orderId":92233720368547758070,"#)
        case "DECIMAL": text = good.replacingOccurrences(of: #""price":"1.00000000""#, with: #""price":"1e3""#)
        case "DUPKEY":
            let key = SimulatorDemoKeys.hmacAPIKey
            text = good.replacingOccurrences(
                of: #""accounts":["#, with: #""accounts":[{"name":"x","apiKey":"\#(key)","secret":"s"},"#)
        default: text = kind
        }
        #expect(text != good)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(throws: SimulatorSetupError.self, "\(what)") {
            try SimulatorStateFile(path: path).load(configuration: SimulatorConfiguration())
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(text.utf8), "\(what): left as it was")
    }

    @Test func aFileOpenToOthersOrNotAFileIsRefusedWithTheReason() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.json").path
        try SimulatorStateFile(path: path).write(TestClient().exchange.withState { $0.stateJSON() })
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        do {
            _ = try SimulatorStateFile(path: path).load(configuration: SimulatorConfiguration())
            Issue.record("a state file readable by others was loaded")
        } catch {
            #expect(error.message.contains("open to others (mode 644)"), "\(error.message)")
        }
        do {
            _ = try SimulatorStateFile(path: directory.path).load(configuration: SimulatorConfiguration())
            Issue.record("a directory was loaded")
        } catch {
            #expect(error.message.contains("not a regular file"), "\(error.message)")
        }
    }

    @Test func aWriteThatCannotHappenLeavesTheLastGoodFile() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("no/such/dir/state.json").path
        #expect(throws: SimulatorSetupError.self) { try SimulatorStateFile(path: missing).write("{}") }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    /// Two simulators on one state file would each overwrite the other's books: the second to
    /// lock it is refused with the first one's pid, and the lock goes with its holder.
    @Test func aStateFileIsHeldByOneSimulatorAtATime() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("state.json").path
        var first: SimulatorStateLock? = try SimulatorStateLock(stateFile: state)
        #expect(first?.path == state + ".lock")
        do {
            _ = try SimulatorStateLock(stateFile: state)
            Issue.record("a second lock of the same state file was taken")
        } catch {
            #expect(error.message.hasPrefix("state file \(state): is in use by another bnc sim (pid \(getpid());"))
            #expect(error.message.contains("another --state"))
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: state + ".lock")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        first = nil
        let again = try SimulatorStateLock(stateFile: state)
        #expect(again.path == state + ".lock")
        // The same state through a symlink is the same lock.
        let link = directory.appendingPathComponent("link.json").path
        try Data("{}".utf8).write(to: URL(fileURLWithPath: state))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: state)
        #expect(throws: SimulatorSetupError.self) { try SimulatorStateLock(stateFile: link) }
        // A lock file that is not a regular file (here a directory) is refused, not followed.
        let odd = directory.appendingPathComponent("odd.json").path
        try FileManager.default.createDirectory(atPath: odd + ".lock", withIntermediateDirectories: false)
        #expect(throws: SimulatorSetupError.self) { try SimulatorStateLock(stateFile: odd) }
    }
}
