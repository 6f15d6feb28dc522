// bnc-bench: in-process micro-benchmarks for scripts/bench (not a test, not shipped).
//
//   bnc-bench sign SECONDS [BYTES]        RequestSigner.sign: signatures/s (hex String result)
//   bnc-bench sign-raw SECONDS [BYTES]    HMACSHA256 hex into a caller buffer: no allocation
//   bnc-bench sign-portable SECONDS [BYTES]  the same on the portable C compression
//   bnc-bench sign-swift-crypto SECONDS [BYTES]  swift-crypto's HMAC<SHA256>, the old signer
//   bnc-bench prepare SECONDS             cancels prepared (validate + encode + sign) per second
//   bnc-bench wire SECONDS BASEURL        sequential cancels/s through ExchangeClient + HTTPTransport
//                                         (keep-alive) against a stub at BASEURL, e.g. nginx
//   bnc-bench wire-event-loop SECONDS BASEURL   the same with the task preferring the NIO event
//                                         loop as its executor (no thread switch per answer)
//
// BYTES (default 128, as `openssl speed -bytes 128 -hmac sha256`) is the length of the signed
// canonical query, a real margin-cancel query with its client order id lengthened to fit.
import BinanceAPI
import Crypto
import NIOCore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

let usage =
    "usage: bnc-bench sign|sign-raw|sign-portable|sign-swift-crypto|prepare SECONDS [BYTES] | wire|wire-event-loop SECONDS BASEURL"
let arguments = CommandLine.arguments
let isWire = arguments.count == 4 && arguments[1].hasPrefix("wire")
guard (3...4).contains(arguments.count), let seconds = Double(arguments[2]), seconds > 0,
    let bytes = arguments.count == 4 && !isWire ? Int(arguments[3]) : 128, (70...4096).contains(bytes)
else {
    print(usage)
    exit(2)
}

/// A canonical margin-cancel query of exactly `length` bytes.
func cancelQuery(length: Int) -> String {
    let head = "symbol=LTCBTC&isIsolated=TRUE&orderId=1234567890&origClientOrderId="
    let tail = "&recvWindow=5000&timestamp=1499827319559"
    let idLength = max(1, length - head.utf8.count - tail.utf8.count)
    let id = String(String(repeating: "myOrder1", count: idLength / 8 + 1).prefix(idLength))
    return head + id + tail
}

let query = cancelQuery(length: bytes)

/// Runs `body` in batches until `seconds` have passed; returns operations per second.
func measure(_ body: () -> Int) -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    var operations = 0
    var elapsed = Duration.zero
    while elapsed < .milliseconds(Int(seconds * 1000)) {
        operations += body()
        elapsed = clock.now - start
    }
    let (whole, attos) = elapsed.components
    return Double(operations) / (Double(whole) + Double(attos) / 1e18)
}

/// Hex signatures into one reused buffer: the signer's cost without the result's allocation.
func signRaw(_ hmac: HMACSHA256) -> Double {
    var output = [UInt8](repeating: 0, count: HMACSHA256.hexCount)
    var payload = query
    payload.makeContiguousUTF8()
    let bytes = payload.utf8.span
    var hex = output.mutableSpan
    return measure {
        for _ in 0..<10_000 {
            hmac.hex(of: bytes, into: &hex)
            sink &+= Int(hex[0])
        }
        return 10_000
    }
}

nonisolated(unsafe) var sink = 0
switch arguments[1] {
case "sign":
    let signer = DemoCredentials.hmac.signer
    let rate = measure {
        for _ in 0..<10_000 { sink &+= signer.sign(query).text.utf8.count }
        return 10_000
    }
    print("sign \(query.utf8.count) bytes: \(Int(rate)) signatures/s")
case "sign-raw":
    let rate = signRaw(HMACSHA256(key: DemoCredentials.secret.utf8))
    print("sign-raw \(query.utf8.count) bytes: \(Int(rate)) signatures/s")
case "sign-portable":
    let rate = signRaw(HMACSHA256(key: DemoCredentials.secret.utf8, implementation: .portable))
    print("sign-portable \(query.utf8.count) bytes: \(Int(rate)) signatures/s")
case "sign-swift-crypto":
    // What RequestSigner did before the C signer: copy the keyed HMAC, update, finalize, hex.
    let keyed = HMAC<SHA256>(key: SymmetricKey(data: Array(DemoCredentials.secret.utf8)))
    let rate = measure {
        for _ in 0..<10_000 {
            var mac = keyed
            var payload = query
            payload.withUTF8 { mac.update(data: UnsafeRawBufferPointer($0)) }
            sink &+= Hex.lowercase(mac.finalize()).utf8.count
        }
        return 10_000
    }
    print("sign-swift-crypto \(query.utf8.count) bytes: \(Int(rate)) signatures/s")
case "prepare":
    let builder = RequestBuilder(credentials: DemoCredentials.hmac)
    var id: Int64 = 1
    let rate = measure {
        for _ in 0..<10_000 {
            id &+= 1
            let operation = CancelMarginOrder(symbol: "LTCBTC", isIsolated: true, orderId: id, recvWindow: 5000)
            if let request = try? builder.prepare(operation, timestamp: 1_499_827_319_559) {
                sink &+= request.query.utf8.count
            }
        }
        return 10_000
    }
    print("prepare: \(Int(rate)) requests/s")
case "wire" where isWire, "wire-event-loop" where isWire:
    // One cancel first so the connection exists, as for the python-binance baseline.
    let transport: HTTPTransport
    do {
        transport = try HTTPTransport(baseURL: arguments[3])
    } catch {
        print("bnc-bench: \(error.message)")
        exit(2)
    }
    let wire = WireLoop(client: ExchangeClient(transport: transport, credentials: DemoCredentials.hmac), seconds: seconds)
    let rate: Double
    if arguments[1] == "wire-event-loop", let executor = transport.preferredTaskExecutor {
        rate = await withTaskExecutorPreference(executor) { await wire.run() }
    } else {
        rate = await wire.run()
    }
    print("\(arguments[1]): \(Int(rate)) cancels/s")
default:
    print(usage)
    exit(2)
}
if sink == 42 { print("") }

/// Sequential cancels for `seconds`; returns cancels per second. Not main-actor isolated (as
/// top-level code is), so, like a script in bnc, it runs wherever its task's executor is: no hop
/// to the main thread and back per request.
struct WireLoop: Sendable {
    let client: ExchangeClient
    let seconds: Double

    func run() async -> Double {
        var id: Int64 = 1
        guard await cancel(id) else { exit(1) } // the connection exists before timing
        let clock = ContinuousClock()
        let start = clock.now
        var count = 0
        while clock.now - start < .milliseconds(Int(seconds * 1000)) {
            id += 1
            guard await cancel(id) else { exit(1) }
            count += 1
        }
        let (whole, attos) = (clock.now - start).components
        return Double(count) / (Double(whole) + Double(attos) / 1e18)
    }

    private func cancel(_ id: Int64) async -> Bool {
        do {
            _ = try await client.execute(CancelMarginOrder(symbol: "LTCBTC", isIsolated: false, orderId: id))
            return true
        } catch {
            print("bnc-bench: cancel \(id) failed: \(error)")
            return false
        }
    }
}
