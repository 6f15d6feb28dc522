import BinanceAPI
import Script

/// `why`: right after a statement the exchange answered with an error, the catalog's
/// explanation of that error's code — the same text as `bnc explain CODE`.
enum WhyCommand {
    /// The code of the last exchange error among a run's diagnostics (`… exchange error -2015
    /// REJECTED_MBX_KEY: …`), or nil when none came from the exchange.
    static func code(in diagnostics: [Diagnostic]) -> Int? {
        for diagnostic in diagnostics.reversed() {
            if let code = code(in: diagnostic.message) { return code }
        }
        return nil
    }

    /// The code after "exchange error " in `message`, or nil.
    static func code(in message: String) -> Int? {
        guard let marker = message.firstRange(of: "exchange error -") else { return nil }
        let digits = message[marker.upperBound...].prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 9, let value = Int(digits) else { return nil }
        return -value
    }

    /// What `why` prints for the last statement's exchange error code (nil: there was none).
    static func text(for code: Int?) -> String {
        guard let code else {
            return "no exchange error to explain: `why` explains the exchange error of the statement just run"
                + " (`bnc explain CODE` explains any code)"
        }
        guard let entry = ExchangeErrorCatalog.entry(for: code) else {
            return "\(code) is not an exchange error code bnc knows: the exchange's message above is all there is"
        }
        return entry.explanationText
    }
}
