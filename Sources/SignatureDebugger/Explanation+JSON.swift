import BinanceAPI

extension Explanation {
    /// The same report as data, with stable keys (`--output json`). Contains no secret.
    package var json: JSONValue {
        var root = JSONObject()
        root["valid"] = .bool(isValid)
        root["exitCode"] = .number(String(exitCode))

        var key = JSONObject()
        key["type"] = .string(keyType.rawValue)
        key["apiKey"] = .string(maskedAPIKey)
        key["source"] = .string(keySource)
        root["key"] = .object(key)

        var request = JSONObject()
        request["form"] = .string(self.request.form.rawValue)
        request["method"] = self.request.method.map { .string($0.rawValue) } ?? .null
        request["origin"] = self.request.origin.map { .string($0) } ?? .null
        request["path"] = self.request.path.map { .string($0) } ?? .null
        request["query"] = .string(self.request.query)
        request["body"] = self.request.body.map { .string($0) } ?? .null
        request["apiKey"] = requestAPIKeyMasked.map { .string($0) } ?? .null
        root["request"] = .object(request)

        root["parameters"] = .array(
            parameters.map { parameter in
                .object(
                    JSONObject([
                        ("location", .string(parameter.location.rawValue)), ("rawName", .string(parameter.rawName)),
                        ("rawValue", .string(parameter.rawValue)), ("name", .string(parameter.name)),
                        ("value", .string(parameter.value))
                    ]))
            })
        root["signedPayload"] = .string(signedPayload)

        var signature = JSONObject()
        signature["given"] = givenSignature.map { .string($0) } ?? .null
        signature["givenDecoded"] = givenSignatureDecoded.map { .string($0) } ?? .null
        signature["givenEncoding"] = givenShape.map { .string($0.encoding.rawValue) } ?? .null
        signature["givenBytes"] = givenShape?.bytes.map { .number(String($0.count)) } ?? .null
        signature["expected"] = .string(expectedSignature.text)
        signature["expectedURLValue"] = .string(expectedSignature.urlValue)
        signature["matches"] = .bool(signatureMatches)
        root["signature"] = .object(signature)

        var timing = JSONObject()
        timing["timestamp"] = self.timing.timestamp.map { .string($0) } ?? .null
        timing["unit"] = self.timing.unit.map { .string($0.rawValue) } ?? .null
        timing["timestampMilliseconds"] = self.timing.timestampMilliseconds.map { .number(String($0)) } ?? .null
        timing["recvWindow"] = self.timing.recvWindow.map { .string($0) } ?? .null
        timing["recvWindowMilliseconds"] =
            self.timing.recvWindowMilliseconds.map { .number(TimingCheck.format($0)) } ?? .null
        timing["reference"] = .string(self.timing.reference.source.rawValue)
        timing["referenceMilliseconds"] = .number(String(self.timing.reference.milliseconds))
        timing["endpoint"] = self.timing.reference.endpoint.map { .string($0) } ?? .null
        timing["ageMilliseconds"] = self.timing.ageMilliseconds.map { .number(String($0)) } ?? .null
        timing["accepted"] = self.timing.accepted.map { .bool($0) } ?? .null
        root["timing"] = .object(timing)

        root["findings"] = .array(
            findings.map { finding in
                .object(
                    JSONObject([
                        ("code", .string(finding.code.rawValue)), ("severity", .string(finding.severity.rawValue)),
                        ("confirmed", .bool(finding.confirmed)), ("message", .string(finding.message)),
                        ("fix", finding.fix.map { .string($0) } ?? .null),
                        ("reproducedWith", finding.reproducedWith.map { .string($0) } ?? .null)
                    ]))
            })
        return .object(root)
    }
}
