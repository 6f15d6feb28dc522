import BinanceAPI

/// A request as another client built it, before any interpretation: where it goes, and the raw
/// query string and body exactly as they would be sent.
package struct CapturedRequest: Sendable, Hashable {
    /// What the user pasted.
    package enum Form: String, Sendable, Hashable, Codable {
        /// A full URL (`https://…?…`), optionally preceded by an HTTP method.
        case url
        /// A bare query string (`symbol=…&signature=…`), optionally starting with `?`.
        case queryString = "query"
        /// A curl command line.
        case curl
    }

    package var form: Form
    /// The HTTP method, when the input says (curl `-X`, or a leading `DELETE`).
    package var method: HTTPMethod?
    /// `scheme://host[:port]`, when the input is a URL.
    package var origin: String?
    /// The path, e.g. `/sapi/v1/margin/order`, when the input is a URL.
    package var path: String?
    /// The query string as sent, without `?`; empty when there is none.
    package var query: String
    /// The request body as sent (curl `-d`), nil when there is none.
    package var body: String?
    /// Headers given on a curl command line, in order.
    package var headers: [HTTPHeader]

    package init(
        form: Form, method: HTTPMethod? = nil, origin: String? = nil, path: String? = nil, query: String,
        body: String? = nil, headers: [HTTPHeader] = []
    ) {
        self.form = form
        self.method = method
        self.origin = origin
        self.path = path
        self.query = query
        self.body = body
        self.headers = headers
    }

    /// The `X-MBX-APIKEY` header's value, if the input has one.
    package var apiKeyHeader: String? {
        headers.first { $0.name.lowercased() == "x-mbx-apikey" }?.value
    }

    /// Reads a URL, a query string or a curl command line.
    package static func parse(_ text: String) throws(ExplainInputError) -> CapturedRequest {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .empty }
        if trimmed.hasPrefix("curl ") || trimmed.hasPrefix("curl\t") || trimmed.hasPrefix("curl\n") {
            return try CurlCommand.parse(trimmed)
        }
        var method: HTTPMethod?
        var rest = Substring(trimmed)
        if let space = rest.firstIndex(where: { $0 == " " || $0 == "\t" }),
            let leading = HTTPMethod(rawValue: rest[..<space].uppercased())
        {
            method = leading
            rest = rest[space...].drop { $0 == " " || $0 == "\t" }
        }
        if rest.contains("://") {
            var request = try fromURL(String(rest))
            request.method = method
            return request
        }
        var query = rest
        if query.hasPrefix("?") { query = query.dropFirst() }
        guard query.contains("=") else { throw .noParameters(String(rest)) }
        return CapturedRequest(form: .queryString, method: method, query: String(query))
    }

    /// Splits a URL into origin, path and query; the fragment is dropped.
    static func fromURL(_ url: String) throws(ExplainInputError) -> CapturedRequest {
        var text = Substring(url)
        if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
        var query = ""
        if let question = text.firstIndex(of: "?") {
            query = String(text[text.index(after: question)...])
            text = text[..<question]
        }
        var origin: String?
        var path = String(text)
        if let scheme = text.firstRange(of: "://") {
            let afterScheme = text[scheme.upperBound...]
            if let slash = afterScheme.firstIndex(of: "/") {
                origin = String(text[..<slash])
                path = String(text[slash...])
            } else {
                origin = String(text)
                path = "/"
            }
        }
        return CapturedRequest(form: .url, origin: origin, path: path, query: query)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
