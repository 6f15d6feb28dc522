import Script

/// The inline hint shown while typing (as redis-cli does): the rest of the command's syntax
/// after what is already on the line — `cancel ` → `SYMBOL (id=N | cid=TEXT) [isolated] …`,
/// `cancel LTCBTC id=5 ` → `[isolated] [newcid=TEXT] [recv=MS] [wide]` (`wide`, which shows
/// every field, only where the result is shown: not after `let r =`).
package enum SyntaxHint {
    /// The hint for `line` (the text up to the cursor), or nil when there is none: no known
    /// command, a word being typed, or nothing left to give.
    package static func hint(for line: String, catalog: CommandCatalog) -> String? {
        let statement = Completer.currentStatement(Substring(line))
        guard statement.last == " " else { return nil }
        let tokens = statement.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = Completer.commandWord(tokens), let entry = catalog.entry(named: first) else { return nil }
        let operands = Array(tokens.drop(while: { $0 != first }).dropFirst())
        // `wide` ends a statement whose result is shown; after it nothing is left to give.
        if operands.last == "wide" { return nil }
        let givenNames = Set(
            operands.compactMap { operand -> String? in
                if let equals = operand.firstIndex(of: "=") { return String(operand[..<equals]) }
                return entry.argument(named: operand) != nil ? operand : nil
            })
        var positionalsGiven = operands.filter { !$0.contains("=") && entry.argument(named: $0) == nil }.count
        // The account word given (`isolated`, `spot`): arguments only another account takes are not offered.
        let account = operands.lazy.compactMap { entry.argument(named: $0) }.first { $0.isAccountWord }?.name
        var rest: [String] = []
        for item in items(of: entry.syntax).dropFirst() {
            let names = names(in: item)
            if names.isEmpty {
                // A positional placeholder (SYMBOL, [SYMBOL]).
                if positionalsGiven > 0 {
                    positionalsGiven -= 1
                    continue
                }
                rest.append(item)
                continue
            }
            let arguments = names.compactMap { entry.argument(named: $0) }
            let otherAccounts =
                account != nil && !arguments.isEmpty && arguments.allSatisfy { $0.account != nil && $0.account != account }
            if otherAccounts { continue }
            let given = names.contains { name in
                givenNames.contains(name) || (entry.argument(named: name)?.allNames.contains { givenNames.contains($0) } ?? false)
            }
            if !given { rest.append(item) }
        }
        if tokens.first != "let", !rest.isEmpty { rest.append("[wide]") }
        return rest.isEmpty ? nil : rest.joined(separator: " ")
    }

    /// The syntax line's items: words, and bracketed or parenthesised groups kept whole.
    static func items(of syntax: String) -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        for character in syntax {
            switch character {
            case "(", "[": depth += 1
            case ")", "]": depth = max(0, depth - 1)
            default: break
            }
            if character == " " && depth == 0 {
                if !current.isEmpty { items.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { items.append(current) }
        return items
    }

    /// The argument names an item mentions: `[newcid=TEXT]` → `newcid`, `(id=N | cid=TEXT)` →
    /// `id`, `cid`, `[isolated]` → `isolated`; none for a placeholder such as `SYMBOL`.
    static func names(in item: String) -> [String] {
        item.split(whereSeparator: { "[]()| ".contains($0) }).compactMap { piece -> String? in
            let name = piece.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            guard !name.isEmpty, name.first?.isLowercase == true else { return nil }
            return name
        }
    }

    /// `hint` cut to `room` characters (with `…`), or nil when not even a little fits.
    package static func fitted(_ hint: String, room: Int) -> String? {
        guard room >= 8 else { return nil }
        if hint.count <= room { return hint }
        return String(hint.prefix(room - 1)) + "…"
    }
}
