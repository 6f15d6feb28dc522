/// Why `bnc explain` could not read its input as a request. Nothing was checked.
package enum ExplainInputError: Error, Sendable, Hashable {
    /// The input is empty or only whitespace.
    case empty
    /// A curl command line has a quote that is never closed.
    case unterminatedQuote(Character)
    /// A curl command line names no URL.
    case curlWithoutURL
    /// A curl option that needs a value is the last word.
    case curlOptionWithoutValue(String)
    /// A curl option whose value bnc cannot see (`-d @file`, `-K`), so the request is unknown.
    case unsupportedCurlOption(String)
    /// A curl command line names more than one URL.
    case multipleURLs
    /// The text has no `name=value` parameter at all.
    case noParameters(String)
    /// A parameter has a `%` not followed by two hex digits, or decodes to bytes that are not UTF-8.
    case malformedEscape(parameter: String)

    /// What is wrong, in one line.
    package var message: String {
        switch self {
        case .empty:
            return "nothing to explain: give a URL, a query string with signature=, or a curl command line"
        case .unterminatedQuote(let quote):
            return "the curl command line has an unterminated \(quote) quote"
        case .curlWithoutURL:
            return "the curl command line has no URL"
        case .curlOptionWithoutValue(let option):
            return "the curl option \(option) needs a value"
        case .unsupportedCurlOption(let option):
            return "the curl option \(option) reads its value from elsewhere, so the request it sends is unknown"
        case .multipleURLs:
            return "the curl command line has more than one URL; explain one request at a time"
        case .noParameters(let text):
            return "no name=value parameters found in '\(text)'"
        case .malformedEscape(let parameter):
            return "parameter '\(parameter)' has a malformed percent-escape (a % not followed by two hex digits,"
                + " or bytes that are not UTF-8)"
        }
    }

    /// What to do about it.
    package var hint: String {
        switch self {
        case .empty, .noParameters:
            return "example: bnc explain 'symbol=LTCBTC&orderId=28&timestamp=1499827319559&signature=...'"
        case .unterminatedQuote, .curlOptionWithoutValue:
            return "paste the command exactly as your client printed it, inside single quotes"
        case .curlWithoutURL, .multipleURLs:
            return "give the request URL, e.g. curl -X DELETE 'https://api.binance.com/sapi/v1/margin/order?...'"
        case .unsupportedCurlOption:
            return "paste the data inline with -d 'name=value&...' instead"
        case .malformedEscape:
            return "a literal % must be sent as %25; the exchange rejects the request as it is"
        }
    }
}

extension ExplainInputError: CustomStringConvertible {
    package var description: String { message }
}
