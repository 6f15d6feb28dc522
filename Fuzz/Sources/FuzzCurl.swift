import BinanceAPI
import SignatureDebugger

/// `bnc explain`'s reader of pasted requests (``CapturedRequest/parse(_:)``: a URL, a query
/// string or a curl command line) and the explanation built from it with the demo key.
///
/// Invariants: a URL read back from its parts (origin, path, query) reads the same; the
/// explanation is the same twice (no hidden state, no clock: a fixed reference time); its
/// `--json` form is valid JSON; its text renders.
enum FuzzCurl {
    static let explainer = SignatureExplainer(key: .demo)
    static let reference = TimeReference.given(1_700_000_000_000)

    static func run(_ bytes: UnsafeRawBufferPointer) throws(FuzzViolation) {
        let text = String(decoding: bytes, as: UTF8.self)
        let request: CapturedRequest
        do {
            request = try CapturedRequest.parse(text)
        } catch {
            try require(!error.message.isEmpty, "an input error without a message")
            return
        }
        if request.form == .url, let origin = request.origin, let path = request.path {
            // The method first when there was one; `?` and an empty fragment keep white space
            // at the end of the path or query from being trimmed as the input's end.
            let rebuilt = (request.method.map { $0.rawValue + " " } ?? "") + origin + path + "?" + request.query + "#"
            let again = try? CapturedRequest.parse(rebuilt)
            try require(
                again?.origin == origin && again?.path == path && again?.query == request.query,
                "the URL rebuilt from its parts reads differently: \(shown(rebuilt))")
        }
        let first: Explanation
        do {
            first = try explainer.explain(request, at: reference)
        } catch {
            try require(!error.message.isEmpty, "an input error without a message")
            return
        }
        let second = try? explainer.explain(request, at: reference)
        let json = first.json.serialized
        try require(second?.json.serialized == json, "the same request explained twice differs")
        do {
            _ = try JSONValue.parse(json)
        } catch {
            throw FuzzViolation("explain --json output is not JSON: \(error)")
        }
        try require(!first.text.isEmpty, "an empty explanation")
    }
}
