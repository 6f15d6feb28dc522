import BinanceAPI

/// Reads the request a curl command line would send: method, URL, headers and body.
///
/// Data options are combined as curl combines them: several `-d` values joined with `&`,
/// `--data-urlencode` values percent-encoded after the first `=`, and `-G` moving the data into
/// the URL's query string.
enum CurlCommand {
    /// Options that take a value bnc does not need; their value must not be taken for the URL.
    private static let ignoredWithValue: Set<String> = [
        "-o", "--output", "-u", "--user", "-A", "--user-agent", "-e", "--referer", "-b", "--cookie", "-c",
        "--cookie-jar", "-m", "--max-time", "--connect-timeout", "-x", "--proxy", "--cacert", "--cert", "-E",
        "--key", "-w", "--write-out", "--retry", "-r", "--range", "--resolve", "--limit-rate", "--interface",
        "--retry-delay", "--retry-max-time", "--max-redirs", "-y", "--speed-time", "-Y", "--speed-limit",
        "--proxy-user", "-U", "--connect-to", "--unix-socket", "--oauth2-bearer", "--aws-sigv4"
    ]
    private static let dataOptions: Set<String> = ["-d", "--data", "--data-raw", "--data-binary", "--data-ascii"]

    static func parse(_ text: String) throws(ExplainInputError) -> CapturedRequest {
        let words = try ShellWords.split(text)
        var method: HTTPMethod?
        var urls: [String] = []
        var headers: [HTTPHeader] = []
        var data: [String] = []
        var dataInQuery = false
        var index = 1
        func value(for option: String) throws(ExplainInputError) -> String {
            index += 1
            guard index < words.count else { throw .curlOptionWithoutValue(option) }
            return words[index]
        }
        func value(_ attached: String?, for option: String) throws(ExplainInputError) -> String {
            if let attached { return attached }
            return try value(for: option)
        }
        while index < words.count {
            let word = words[index]
            let (option, attached) = splitAttached(word)
            switch option {
            case "-X", "--request":
                let name = try value(attached, for: option)
                method = HTTPMethod(rawValue: name.uppercased())
            case "-H", "--header":
                let header = try value(attached, for: option)
                if let colon = header.firstIndex(of: ":") {
                    let name = String(header[..<colon]).trimmingWhitespace()
                    let content = String(header[header.index(after: colon)...]).trimmingWhitespace()
                    headers.append(HTTPHeader(name, content))
                }
            case _ where dataOptions.contains(option):
                let content = try value(attached, for: option)
                if content.hasPrefix("@") && option != "--data-raw" { throw .unsupportedCurlOption("\(option) @file") }
                data.append(content)
            case "--data-urlencode":
                let content = try value(attached, for: option)
                data.append(try urlencodedData(content, option: option))
            case "-G", "--get":
                dataInQuery = true
            case "--url":
                urls.append(try value(attached, for: option))
            case "-K", "--config", "-T", "--upload-file", "-F", "--form", "--json":
                throw .unsupportedCurlOption(option)
            case _ where ignoredWithValue.contains(option):
                if attached == nil { _ = try value(for: option) }
            default:
                if !word.hasPrefix("-") || word == "-" { urls.append(word) }
            }
            index += 1
        }
        guard !urls.isEmpty else { throw .curlWithoutURL }
        guard urls.count == 1 else { throw .multipleURLs }
        var url = urls[0]
        if !url.contains("://") { url = "http://" + url }
        var request = try CapturedRequest.fromURL(url)
        request.form = .curl
        request.headers = headers
        let joinedData = data.joined(separator: "&")
        if dataInQuery {
            if !data.isEmpty {
                request.query = request.query.isEmpty ? joinedData : request.query + "&" + joinedData
            }
            request.method = method ?? .get
        } else {
            request.body = data.isEmpty ? nil : joinedData
            request.method = method ?? (data.isEmpty ? .get : .post)
        }
        guard request.query.contains("=") || (request.body?.contains("=") ?? false) else {
            throw .noParameters(url)
        }
        return request
    }

    /// Short options may carry their value attached (`-XDELETE`); long ones with `=`.
    private static func splitAttached(_ word: String) -> (String, String?) {
        if word.hasPrefix("--") {
            if let equals = word.firstIndex(of: "=") {
                return (String(word[..<equals]), String(word[word.index(after: equals)...]))
            }
            return (word, nil)
        }
        if word.hasPrefix("-") && word.count > 2 {
            let option = String(word.prefix(2))
            if ["-X", "-H", "-d", "-A", "-o", "-u", "-e", "-b", "-m", "-x"].contains(option) {
                return (option, String(word.dropFirst(2)))
            }
        }
        return (word, nil)
    }

    /// `--data-urlencode` forms: `content`, `=content`, `name=content` (content encoded).
    private static func urlencodedData(_ content: String, option: String) throws(ExplainInputError) -> String {
        if content.hasPrefix("@") || content.contains("@") && !content.contains("=") {
            throw .unsupportedCurlOption("\(option) @file")
        }
        guard let equals = content.firstIndex(of: "=") else { return PercentEncoding.encode(content) }
        let name = content[..<equals]
        let raw = String(content[content.index(after: equals)...])
        return name.isEmpty ? PercentEncoding.encode(raw) : "\(name)=\(PercentEncoding.encode(raw))"
    }
}
