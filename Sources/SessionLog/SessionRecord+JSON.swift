import BinanceAPI

extension SessionRecord {
    /// The record as a JSON object: `kind` first, then its fields in the documented order;
    /// absent optional fields are left out.
    package var json: JSONValue {
        var object = JSONObject()
        object["kind"] = .string(kind)
        switch self {
        case .header(let header):
            object["format"] = .string(SessionLogFormat.name)
            object["version"] = .int(header.version)
            object["bnc"] = .string(header.bncVersion)
            object["mode"] = .string(header.mode)
            object["endpoint"] = .string(header.endpoint)
            object["baseURL"] = .string(header.baseURL)
            object["keyType"] = header.keyType.map { .string($0.rawValue) }
            object["apiKey"] = header.maskedAPIKey.map { .string($0) }
            object["keySource"] = header.keySource.map { .string($0) }
            object["started"] = .int(header.started)
            object["startedUTC"] = .string(UTCTime.iso8601(milliseconds: header.started))
            object["fixedClock"] = header.fixedClock.map { .int($0) }
            object["proxy"] = header.proxy.map { .string($0) }
            if !header.variables.isEmpty {
                var variables = JSONObject()
                for name in header.variables.keys.sorted() { variables[name] = header.variables[name].map { .string($0) } }
                object["set"] = .object(variables)
            }
        case .statement(let statement):
            object["seq"] = .int(statement.sequence)
            object["source"] = .string(statement.source)
            object["file"] = statement.file.map { .string($0) }
            object["line"] = .int(statement.line)
            object["column"] = .int(statement.column)
            object["depth"] = .int(statement.depth)
            object["at"] = .int(statement.at)
        case .request(let request):
            object["id"] = .int(request.id)
            object["statement"] = request.statement.map { .int($0) }
            object["attempt"] = .int(request.attempt)
            object["title"] = .string(request.title)
            object["method"] = .string(request.method.rawValue)
            object["path"] = .string(request.path)
            object["query"] = .string(request.query)
            object["timestamp"] = request.timestamp.map { .int($0) }
            object["newClientOrderId"] = request.newClientOrderId.map { .string($0) }
            object["keyType"] = request.keyType.map { .string($0.rawValue) }
            object["signatureSHA256"] = request.signatureFingerprint.map { .string($0) }
            object["weight"] = .int(request.weight.value)
            object["weightScope"] = .string(request.weight.scope.rawValue)
            object["at"] = .int(request.at)
            object["origin"] = request.origin.map { .string($0) }
        case .response(let response):
            object["request"] = .int(response.request)
            object["status"] = .int(response.status)
            var headers = JSONObject()
            for header in response.headers { headers[header.name] = .string(header.value) }
            object["headers"] = .object(headers)
            switch response.body {
            case .json(let value): object["body"] = value
            case .text(let text): object["bodyText"] = .string(text)
            case .base64(let text): object["bodyBase64"] = .string(text)
            }
            object["latencyUs"] = .int(response.latencyMicroseconds)
            object["at"] = .int(response.at)
        case .failure(let failure):
            object["request"] = .int(failure.request)
            object["error"] = .string(failure.error.caseName)
            object["detail"] = .string(failure.error.detail)
            object["message"] = .string(failure.error.message)
            object["outcomeUnknown"] = .bool(failure.error.outcomeUnknown)
            object["latencyUs"] = .int(failure.latencyMicroseconds)
            object["at"] = .int(failure.at)
        case .interrupt(let interrupt):
            object["statement"] = interrupt.statement.map { .int($0) }
            object["signal"] = .string(interrupt.signal)
            object["at"] = .int(interrupt.at)
        case .end(let end):
            object["statements"] = .int(end.statements)
            object["requests"] = .int(end.requests)
            object["exitCode"] = .int(end.exitCode)
            object["at"] = .int(end.at)
        }
        return .object(object)
    }

    /// Reads a record from its JSON object.
    ///
    /// Fields this version does not know are ignored, so a newer minor addition still reads.
    package init(json: JSONValue) throws(SessionRecordError) {
        do {
            self = try Self.decode(json.requireObject("record"))
        } catch {
            throw SessionRecordError(error)
        }
    }

    private static func decode(_ object: JSONObject) throws(ResponseDecodingError) -> SessionRecord {
        let kind = try object.requireString("kind")
        switch kind {
        case "header":
            let format = try object.requireString("format")
            guard format == SessionLogFormat.name else {
                throw ResponseDecodingError(field: "format", reason: "is '\(format)', not '\(SessionLogFormat.name)'")
            }
            let keyType = try object.optionalString("keyType")
            var variables: [String: String] = [:]
            if let value = object["set"] {
                for (name, text) in try value.requireObject("set").pairs {
                    guard let text = text.stringValue else {
                        throw ResponseDecodingError(field: "set.\(name)", reason: "is not text")
                    }
                    variables[name] = text
                }
            }
            var header =
                SessionHeader(
                    version: try object.int("version"), bncVersion: try object.requireString("bnc"),
                    endpoint: try object.requireString("endpoint"), baseURL: try object.requireString("baseURL"),
                    keyType: try keyType.map { text throws(ResponseDecodingError) in try KeyType.named(text) },
                    maskedAPIKey: try object.optionalString("apiKey"), keySource: try object.optionalString("keySource"),
                    started: try object.requireInteger("started"), mode: try object.optionalString("mode") ?? "script",
                    fixedClock: try object.optionalInteger("fixedClock"))
            header.variables = variables
            header.proxy = try object.optionalString("proxy")
            return .header(header)
        case "statement":
            return .statement(
                StatementRecord(
                    sequence: try object.int("seq"), source: try object.requireString("source"),
                    file: try object.optionalString("file"), line: try object.int("line"),
                    column: try object.optionalInteger("column").map(Int.init) ?? 1,
                    depth: try object.depth(), at: try object.requireInteger("at")))
        case "request":
            let methodText = try object.requireString("method")
            guard let method = HTTPMethod(rawValue: methodText) else {
                throw ResponseDecodingError(field: "method", reason: "is not an HTTP method: '\(methodText)'")
            }
            let scopeText = try object.optionalString("weightScope") ?? "IP"
            guard let scope = RequestWeight.Scope(rawValue: scopeText) else {
                throw ResponseDecodingError(field: "weightScope", reason: "is not IP or UID: '\(scopeText)'")
            }
            let keyType = try object.optionalString("keyType")
            return .request(
                RequestRecord(
                    id: try object.int("id"), statement: try object.optionalInteger("statement").map(Int.init),
                    attempt: try object.optionalInteger("attempt").map(Int.init) ?? 1,
                    title: try object.requireString("title"), method: method, path: try object.requireString("path"),
                    query: try object.requireString("query"), timestamp: try object.optionalInteger("timestamp"),
                    newClientOrderId: try object.optionalString("newClientOrderId"),
                    keyType: try keyType.map { text throws(ResponseDecodingError) in try KeyType.named(text) },
                    signatureFingerprint: try object.optionalString("signatureSHA256"),
                    weight: RequestWeight(try object.int("weight"), scope), at: try object.requireInteger("at"),
                    origin: try object.optionalString("origin")))
        case "response":
            var headers: [HTTPHeader] = []
            if let value = object["headers"] {
                for (name, headerValue) in try value.requireObject("headers").pairs {
                    guard let text = headerValue.stringValue else {
                        throw ResponseDecodingError(field: "headers.\(name)", reason: "is not text")
                    }
                    headers.append(HTTPHeader(name, text))
                }
            }
            let body: ResponseBody
            if let value = object["body"] {
                body = .json(value)
            } else if let text = try object.optionalString("bodyText") {
                body = .text(text)
            } else if let text = try object.optionalString("bodyBase64") {
                body = .base64(text)
            } else {
                throw ResponseDecodingError(field: "body", reason: "is missing (body, bodyText or bodyBase64)")
            }
            return .response(
                ResponseRecord(
                    request: try object.int("request"), status: try object.int("status"), headers: headers, body: body,
                    latencyMicroseconds: try object.optionalInteger("latencyUs") ?? 0,
                    at: try object.requireInteger("at")))
        case "error":
            let name = try object.requireString("error")
            let detail = try object.optionalString("detail") ?? ""
            guard let error = TransportError(caseName: name, detail: detail) else {
                throw ResponseDecodingError(field: "error", reason: "is not a known transport error: '\(name)'")
            }
            return .failure(
                FailureRecord(
                    request: try object.int("request"), error: error,
                    latencyMicroseconds: try object.optionalInteger("latencyUs") ?? 0,
                    at: try object.requireInteger("at")))
        case "interrupt":
            return .interrupt(
                InterruptRecord(
                    statement: try object.optionalInteger("statement").map(Int.init),
                    signal: try object.requireString("signal"), at: try object.requireInteger("at")))
        case "end":
            return .end(
                EndRecord(
                    statements: try object.int("statements"), requests: try object.int("requests"),
                    exitCode: try object.int("exitCode"), at: try object.requireInteger("at")))
        default:
            throw ResponseDecodingError(field: "kind", reason: "is not a known record kind: '\(kind)'")
        }
    }
}

extension JSONValue {
    /// An integer as an exact JSON number.
    static func int<Integer: BinaryInteger>(_ value: Integer) -> JSONValue { .number(String(value)) }
}

extension JSONObject {
    /// A required field that must fit an `Int`.
    fileprivate func int(_ key: String) throws(ResponseDecodingError) -> Int {
        let value = try requireInteger(key)
        guard let result = Int(exactly: value) else { throw ResponseDecodingError(field: key, reason: "is out of range") }
        return result
    }
}

extension JSONObject {
    /// A statement's `depth` (0 when absent), within ``StatementRecord/depthRange``.
    fileprivate func depth() throws(ResponseDecodingError) -> Int {
        guard let value = try optionalInteger("depth") else { return 0 }
        let range = StatementRecord.depthRange
        guard let depth = Int(exactly: value), range.contains(depth) else {
            throw ResponseDecodingError(field: "depth", reason: "is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return depth
    }
}

extension KeyType {
    fileprivate static func named(_ text: String) throws(ResponseDecodingError) -> KeyType {
        guard let type = KeyType(rawValue: text) else {
            throw ResponseDecodingError(field: "keyType", reason: "is not HMAC, Ed25519 or RSA: '\(text)'")
        }
        return type
    }
}
