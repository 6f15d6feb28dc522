import BinanceAPI

/// Decodes the lines a replay reads by the hundred thousand — `request`, `response` and
/// `statement` records — straight from their bytes, without a ``JSONValue`` tree.
///
/// It takes the same decisions as ``SessionRecord/init(json:)`` over ``JSONValue/parse(_:)``:
/// the line is validated as the parser validates it (``JSONFieldScanner``), a repeated key's
/// last value counts, unknown fields are ignored, `null` is an absent optional, and numbers and
/// strings convert as ``JSONObject``'s field accessors convert them. Whatever it does not
/// handle — another kind, an escaped key, any invalid or missing field — returns nil, and the
/// reader parses the line the general way, which also words the error.
package enum RecordLineDecoder {
    /// The record on `line`; nil to parse it the general way. With `rawBodies`, a JSON object or
    /// array body is returned as its recorded bytes (``ResponseBody/text(_:)``) unparsed.
    package static func decode(_ line: Span<UInt8>, rawBodies: Bool) -> SessionRecord? {
        // The raw values point into `line`: they are used before this function returns.
        var fields = Fields()
        do {
            try JSONFieldScanner.scanObject(line) { key, escaped, value in
                if escaped { fields.unhandled = true } else { fields.set(key, value) }
            }
        } catch {
            return nil
        }
        guard !fields.unhandled, case .string(let kind, escaped: false)? = fields.kind else { return nil }
        if Fields.equal(kind, "request") { return fields.requestRecord().map(SessionRecord.request) }
        if Fields.equal(kind, "response") { return fields.responseRecord(rawBodies: rawBodies).map(SessionRecord.response) }
        if Fields.equal(kind, "statement") { return fields.statementRecord().map(SessionRecord.statement) }
        return nil
    }
}

/// The fields of the three record kinds, each the last value given for its key.
private struct Fields {
    var unhandled = false
    var kind, id, statement, attempt, title, method, path, query, timestamp, newClientOrderId: JSONRawValue?
    var keyType, signatureSHA256, weight, weightScope, at, request, status, headers, body, bodyText: JSONRawValue?
    var origin: JSONRawValue?
    var bodyBase64, latencyUs, seq, source, file, line, column, depth: JSONRawValue?

    static func equal(_ bytes: JSONRawBytes, _ name: StaticString) -> Bool { bytes.equals(name) }

    // swiftlint:disable:next cyclomatic_complexity
    mutating func set(_ key: JSONRawBytes, _ value: JSONRawValue) {
        func named(_ name: StaticString) -> Bool { Self.equal(key, name) }
        switch key.count {
        case 2: if named("id") { id = value } else if named("at") { at = value }
        case 4:
            if named("kind") {
                kind = value
            } else if named("path") {
                path = value
            } else if named("body") {
                body = value
            } else if named("file") {
                file = value
            } else if named("line") {
                line = value
            }
        case 3: if named("seq") { seq = value }
        case 5:
            if named("title") { title = value } else if named("query") { query = value } else if named("depth") { depth = value }
        case 6:
            if named("method") {
                method = value
            } else if named("weight") {
                weight = value
            } else if named("status") {
                status = value
            } else if named("source") {
                source = value
            } else if named("column") {
                column = value
            } else if named("origin") {
                origin = value
            }
        case 7:
            if named("attempt") {
                attempt = value
            } else if named("keyType") {
                keyType = value
            } else if named("request") {
                request = value
            } else if named("headers") {
                headers = value
            }
        case 8: if named("bodyText") { bodyText = value }
        case 9:
            if named("statement") {
                statement = value
            } else if named("timestamp") {
                timestamp = value
            } else if named("latencyUs") {
                latencyUs = value
            }
        case 10: if named("bodyBase64") { bodyBase64 = value }
        case 11: if named("weightScope") { weightScope = value }
        case 15: if named("signatureSHA256") { signatureSHA256 = value }
        case 16: if named("newClientOrderId") { newClientOrderId = value }
        default: break
        }
    }

    // The accessors below mirror JSONObject's: nil means "not decodable here" (the general path
    // then decides, and reports); an optional's `.some(nil)` means absent or null.

    func string(_ value: JSONRawValue?) -> String? { value?.text }

    func optionalString(_ value: JSONRawValue?) -> String?? {
        guard let value, !value.isNull else { return .some(nil) }
        return value.text.map { .some($0) }
    }

    func integer(_ value: JSONRawValue?) -> Int64? { value?.integerValue }

    func optionalInteger(_ value: JSONRawValue?) -> Int64?? {
        guard let value, !value.isNull else { return .some(nil) }
        return value.integerValue.map { .some($0) }
    }

    func int(_ value: JSONRawValue?) -> Int? { integer(value).flatMap { Int(exactly: $0) } }

    func keyTypeValue() -> KeyType?? {
        guard let text = optionalString(keyType) else { return nil }
        guard let text else { return .some(nil) }
        return KeyType(rawValue: text).map { .some($0) }
    }

    func requestRecord() -> RequestRecord? {
        guard let methodText = string(method), let method = HTTPMethod(rawValue: methodText),
            let scopeText = optionalString(weightScope), let scope = RequestWeight.Scope(rawValue: scopeText ?? "IP"),
            let keyType = keyTypeValue(), let id = int(id), let statement = optionalInteger(statement),
            let attempt = optionalInteger(attempt), let title = string(title), let path = string(path),
            let query = string(query), let timestamp = optionalInteger(timestamp),
            let newClientOrderId = optionalString(newClientOrderId), let fingerprint = optionalString(signatureSHA256),
            let weight = int(weight), let at = integer(at), let origin = optionalString(origin)
        else { return nil }
        return RequestRecord(
            id: id, statement: statement.map(Int.init), attempt: attempt.map(Int.init) ?? 1, title: title, method: method,
            path: path, query: query, timestamp: timestamp, newClientOrderId: newClientOrderId, keyType: keyType,
            signatureFingerprint: fingerprint, weight: RequestWeight(weight, scope), at: at, origin: origin)
    }

    func responseRecord(rawBodies: Bool) -> ResponseRecord? {
        var headerList: [HTTPHeader] = []
        if let headers {
            guard case .composite(let bytes) = headers else { return nil }
            if bytes.count > 2 {
                // A few rate-limit headers at most: the general parser keeps its rules on repeats.
                guard case .object(let object)? = try? bytes.parseJSON() else { return nil }
                for (name, value) in object.pairs {
                    guard let text = value.stringValue else { return nil }
                    headerList.append(HTTPHeader(name, text))
                }
            } else if !(bytes[0] == UInt8(ascii: "{") && bytes[1] == UInt8(ascii: "}")) {
                return nil
            }
        }
        let decodedBody: ResponseBody
        if let body {
            switch body {
            case .composite(let bytes):
                if rawBodies {
                    decodedBody = .text(bytes.string)
                } else {
                    guard let value = try? bytes.parseJSON() else { return nil }
                    decodedBody = .json(value)
                }
            case .null: decodedBody = .json(.null)
            case .bool(let flag): decodedBody = .json(.bool(flag))
            case .number: decodedBody = .json(.number(body.text ?? ""))
            case .string:
                guard let text = body.text else { return nil }
                decodedBody = .json(.string(text))
            }
        } else if let text = optionalString(bodyText), let text {
            decodedBody = .text(text)
        } else if optionalString(bodyText) != nil, let text = optionalString(bodyBase64), let text {
            decodedBody = .base64(text)
        } else {
            return nil
        }
        guard let request = int(request), let status = int(status), let latency = optionalInteger(latencyUs),
            let at = integer(at)
        else { return nil }
        return ResponseRecord(
            request: request, status: status, headers: headerList, body: decodedBody, latencyMicroseconds: latency ?? 0,
            at: at)
    }

    func statementRecord() -> StatementRecord? {
        guard let sequence = int(seq), let source = string(source), let file = optionalString(file), let line = int(line),
            let column = optionalInteger(column), let depth = optionalInteger(depth), let at = integer(at),
            // A depth the general path refuses is left to it, so both decide alike (found by Fuzz/, target log).
            depth.map({ StatementRecord.depthRange.contains(Int($0)) }) ?? true
        else { return nil }
        return StatementRecord(
            sequence: sequence, source: source, file: file, line: line, column: column.map(Int.init) ?? 1,
            depth: depth.map(Int.init) ?? 0, at: at)
    }
}
