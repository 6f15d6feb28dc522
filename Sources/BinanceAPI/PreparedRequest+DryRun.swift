/// How a dry run shows a request: everything needed to compare with another client's request,
/// nothing secret (the API key is masked; the secret is never reachable from here).
extension PreparedRequest {
    /// The margin mode of a margin request ("isolated" / "cross"), or nil for other endpoints.
    public var marginMode: String? {
        guard path.utf8.starts(with: "/sapi/v1/margin/".utf8) else { return nil }
        guard let flag = parameter("isIsolated") else { return "cross" }
        return flag == "TRUE" || flag.lowercased() == "true" ? "isolated" : "cross"
    }

    /// The multi-line text a dry run prints for this request.
    public func dryRunText(baseURL: String) -> String {
        var facts = [title, "weight \(weight)"]
        if let marginMode { facts.append(marginMode) }
        var lines = ["\(method.rawValue) \(path)  (\(facts.joined(separator: ", ")))"]
        lines.append("  query      \(query)")
        if let signature {
            let scheme = signature.keyType == .hmac ? "HMAC-SHA256, hex" : "\(signature.keyType.rawValue), base64"
            lines.append("  signature  \(signature.text)  (\(scheme))")
        }
        lines.append("  url        \(url(baseURL: baseURL))")
        if let apiKey {
            lines.append("  header     X-MBX-APIKEY: \(Credentials.mask(apiKey))")
        }
        return lines.joined(separator: "\n")
    }

    /// The JSON object a dry run prints for this request with `--output json`.
    public func dryRunJSON(baseURL: String) -> JSONValue {
        var object = JSONObject()
        object["operation"] = .string(title)
        object["method"] = .string(method.rawValue)
        object["path"] = .string(path)
        object["query"] = .string(query)
        object["signature"] = signature.map { .string($0.text) } ?? .null
        object["keyType"] = signature.map { .string($0.keyType.rawValue) } ?? .null
        object["timestamp"] = timestamp.map { .number(String($0)) } ?? .null
        object["url"] = .string(url(baseURL: baseURL))
        object["apiKey"] = apiKey.map { .string(Credentials.mask($0)) } ?? .null
        object["weight"] = .number(String(weight.value))
        if let marginMode { object["marginMode"] = .string(marginMode) }
        return .object(object)
    }
}
