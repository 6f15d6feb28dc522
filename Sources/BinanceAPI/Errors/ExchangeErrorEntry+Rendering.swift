// How an entry is shown: the text `bnc explain CODE` and the shell's `why` print, its JSON
// object, and its row of the table in docs/endpoints.md.

extension ExchangeErrorEntry {
    /// The explanation as lines of text: code and name, the exchange's meaning, then each cause
    /// with how to tell it apart and its fix. Ends without a line break.
    public var explanationText: String {
        var lines = ["\(code) \(name)", meaning, ""]
        lines.append(causes.count == 1 ? "Cause:" : "Causes, and how to tell them apart:")
        for (index, cause) in causes.enumerated() {
            lines.append("  \(index + 1). \(cause.cause)")
            lines.append("     tell: \(cause.tell)")
            lines.append("     fix:  \(cause.fix)")
        }
        if let inferred { lines.append("note: \(inferred)") }
        return lines.joined(separator: "\n")
    }

    /// The explanation as a JSON object: code, name, meaning, causes (cause, tell, fix), hint and
    /// inferred (null when none).
    public var json: JSONValue {
        .object(
            JSONObject([
                ("code", .number(String(code))),
                ("name", .string(name)),
                ("meaning", .string(meaning)),
                (
                    "causes",
                    .array(
                        causes.map {
                            .object(
                                JSONObject([("cause", .string($0.cause)), ("tell", .string($0.tell)), ("fix", .string($0.fix))]))
                        })
                ),
                ("hint", hint.map(JSONValue.string) ?? .null),
                ("inferred", inferred.map(JSONValue.string) ?? .null)
            ]))
    }

    /// The entry's row of the Markdown table in docs/endpoints.md.
    public var markdownRow: String {
        func cell(_ text: String) -> String { text.replacingAll("|", with: "\\|") }
        let causeCell = causes.enumerated().map {
            "\($0.offset + 1). \(cell($0.element.cause)) — *tell:* \(cell($0.element.tell))"
        }
        .joined(separator: "<br>")
        let fixCell =
            causes.count == 1
            ? cell(causes[0].fix)
            : causes.enumerated().map { "\($0.offset + 1). \(cell($0.element.fix))" }.joined(separator: "<br>")
        let meaningCell = cell(meaning) + (inferred.map { "<br>*(inferred: \(cell($0)))*" } ?? "")
        return "| \(code) | \(name) | \(meaningCell) | \(causeCell) | \(fixCell) |"
    }
}

extension ExchangeErrorCatalog {
    /// The whole table as Markdown, header included, one row per entry; docs/endpoints.md holds
    /// it between the `error-codes` markers.
    public static var markdownTable: String {
        (["| code | name | meaning | causes — how to tell them apart | fix |", "|---|---|---|---|---|"]
            + entries.map(\.markdownRow))
            .joined(separator: "\n")
    }
}

extension String {
    /// Self with every `target` replaced, without Foundation.
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
