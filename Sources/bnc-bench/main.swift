// bnc-bench: in-process micro-benchmarks for scripts/bench (not a test, not shipped).
//
//   bnc-bench sign SECONDS     HMAC signatures per second over a ~130-byte canonical query
//   bnc-bench prepare SECONDS  cancels prepared (validate + encode + sign) per second
import BinanceAPI

#if canImport(Glibc)
    import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count == 3, let seconds = Double(arguments[2]), seconds > 0 else {
    print("usage: bnc-bench sign|prepare SECONDS")
    exit(2)
}

/// A canonical margin-cancel query of the size a real one has (~130 bytes).
let query = "symbol=LTCBTC&isIsolated=TRUE&orderId=1234567890&origClientOrderId=myOrder1&recvWindow=5000&timestamp=1499827319559"
let signer = DemoCredentials.hmac.signer

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

var sink = 0
switch arguments[1] {
case "sign":
    let rate = measure {
        for _ in 0..<10_000 { sink &+= signer.sign(query).text.utf8.count }
        return 10_000
    }
    print("sign \(query.utf8.count) bytes: \(Int(rate)) signatures/s")
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
default:
    print("usage: bnc-bench sign|prepare SECONDS")
    exit(2)
}
if sink == 42 { print("") }
