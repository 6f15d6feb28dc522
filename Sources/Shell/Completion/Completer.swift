import BinanceAPI

/// Completes the word before the cursor: statement words at the start of a statement, argument
/// names for the command being typed (`cancel LTCBTC i` → `id=`, `isolated`), variable names
/// after `$`, symbols seen in the session where a symbol goes, and file names after `run`.
///
/// Pure: everything it knows comes from the catalog and the session facts passed in, so it is
/// tested without a terminal.
package struct Completer: Sendable {
    /// An entry of a directory, for file name completion.
    package struct FileEntry: Equatable, Sendable {
        package var name: String
        package var isDirectory: Bool

        package init(name: String, isDirectory: Bool) {
            self.name = name
            self.isDirectory = isDirectory
        }
    }

    /// Lists a directory (`""` is the current directory); nil when it cannot be read.
    package typealias DirectoryLister = @Sendable (String) -> [FileEntry]?

    /// The commands, keywords and shell commands.
    package var catalog: CompletionCatalog
    /// Variable names defined in the session, without `$`.
    package var variables: [String]
    /// Symbols already used in the session (`LTCBTC`).
    package var symbols: [String]
    /// Reads directories for `run FILE` completion.
    package var listDirectory: DirectoryLister
    /// The open orders of a symbol (cross, or isolated when the flag is given) for `id=` and
    /// `cid=`; nil when they cannot be known (dry run, no answer in time).
    package var openOrders: OpenOrdersLookup

    /// An open order as completion offers it.
    package struct OpenOrder: Equatable, Sendable {
        package var orderId: Int64
        package var clientOrderId: String
        package var side: String
        package var price: String

        package init(orderId: Int64, clientOrderId: String, side: String, price: String) {
            self.orderId = orderId
            self.clientOrderId = clientOrderId
            self.side = side
            self.price = price
        }
    }

    /// Looks up the open orders of `symbol` (`isolated`: of its isolated account).
    package typealias OpenOrdersLookup = @Sendable (_ symbol: String, _ isolated: Bool) -> [OpenOrder]?

    /// Commands whose operand is a file name.
    static let fileCommands: Set<String> = ["run", "source"]
    /// Characters that end a word for completion purposes.
    static let wordBreaks: Set<Character> = [" ", "\t", "\n", "{", "}", "(", ")", "[", "]", ",", ";", "\""]

    package init(
        catalog: CompletionCatalog,
        variables: [String] = [],
        symbols: [String] = [],
        listDirectory: @escaping DirectoryLister = { _ in nil },
        openOrders: @escaping OpenOrdersLookup = { _, _ in nil }
    ) {
        self.catalog = catalog
        self.variables = variables
        self.symbols = symbols
        self.listDirectory = listDirectory
        self.openOrders = openOrders
    }

    /// Completes the last word of `text`, the input from its start up to the cursor.
    package func complete(_ text: String) -> Completion {
        var wordStart = text.lastIndex(where: { Self.wordBreaks.contains($0) }).map { text.index(after: $0) } ?? text.startIndex
        if text[..<wordStart].hasSuffix("${") {
            wordStart = text.index(wordStart, offsetBy: -2)
        }
        let word = String(text[wordStart...])
        let before = text[..<wordStart]
        let statement = Self.currentStatement(before)
        let tokens = statement.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)

        if let dollar = word.lastIndex(of: "$") {
            return completeVariable(word: word, dollar: dollar)
        }
        guard let first = Self.commandWord(tokens) else {
            let atLineStart = !before.contains(where: { $0 == "{" || $0 == ";" || $0 == "}" })
            return completeStatementWord(word, includeShellCommands: atLineStart)
        }
        let operands = Array(tokens.drop(while: { $0 != first }).dropFirst())
        if Self.fileCommands.contains(first) {
            return completeFile(word)
        }
        if first == "help" && operands.isEmpty {
            return finish(word, candidates: catalog.statementWords.filter { $0.hasPrefix(word) }, terminator: " ")
        }
        if first == "dry" && operands.isEmpty {
            return finish(word, candidates: ["off", "on"].filter { $0.hasPrefix(word) }, terminator: " ")
        }
        if first == "set" {
            // `set NAME VALUE`: the settings' names, then the values the named one takes.
            if operands.isEmpty {
                return finish(
                    word, candidates: UserSetting.all.map(\.name).filter { $0.hasPrefix(word) }.sorted(), terminator: " ")
            }
            if operands.count == 1, let setting = UserSetting.named(operands[0]) {
                return finish(word, candidates: setting.values.filter { $0.hasPrefix(word) }.sorted(), terminator: " ")
            }
            return .none(word)
        }
        if let command = catalog.command(named: first) {
            return completeArgument(word, of: command, operands: operands, shown: tokens.first != "let")
        }
        return .none(word)
    }

    // MARK: - Kinds of word

    private func completeStatementWord(_ word: String, includeShellCommands: Bool) -> Completion {
        var words = Set(catalog.commands.map(\.name) + catalog.keywords)
        if includeShellCommands { words.formUnion(catalog.shellCommands) }
        return finish(word, candidates: words.filter { $0.hasPrefix(word) }.sorted(), terminator: " ")
    }

    private func completeVariable(word: String, dollar: String.Index) -> Completion {
        let lead = String(word[...dollar])
        var name = word[word.index(after: dollar)...]
        var open = ""
        if name.first == "{" {
            open = "{"
            name = name.dropFirst()
        }
        let matches = Set(variables).filter { $0.hasPrefix(name) }.sorted().map { lead + open + $0 + (open.isEmpty ? "" : "}") }
        return finish(word, candidates: matches, terminator: "")
    }

    /// An argument of `command`; `shown` when its result is shown (not bound by `let`), so
    /// `wide` may end the statement.
    private func completeArgument(
        _ word: String, of command: CompletionCatalog.Command, operands: [String], shown: Bool
    ) -> Completion {
        // Nothing comes after `wide`: it ends the statement.
        if operands.last == "wide" { return .none(word) }
        if let equals = word.firstIndex(of: "=") {
            let name = word[..<equals]
            let value = word[word.index(after: equals)...]
            if let ids = completeOrder(String(name), value: String(value), word: word, of: command, operands: operands) {
                return ids
            }
            guard name == "symbol" else { return .none(word) }
            return finish(word, candidates: symbolMatches(value).map { "\(name)=\($0)" }, terminator: " ")
        }
        let given = Set(operands.map { $0.split(separator: "=", maxSplits: 1).first.map(String.init) ?? $0 })
        if !command.endpoints.isEmpty, let endpoint = completeEndpoint(word, of: command, operands: operands) {
            return endpoint
        }
        var candidates = command.arguments
            .filter { $0.excludedBy.isDisjoint(with: given) && $0.name.hasPrefix(word) }
            .map(\.completionText)
        // Offered once typed (`w`): on an empty word the inline hint says `[wide]` instead.
        if shown, !word.isEmpty, "wide".hasPrefix(word) {
            candidates.append("wide")
        }
        let positionalsGiven = operands.filter { !$0.contains("=") && !command.arguments.map(\.name).contains($0) }.count
        if positionalsGiven < command.positionals.count, command.positionals[positionalsGiven] == "symbol" {
            candidates += symbolMatches(Substring(word))
        }
        let sorted = Array(Set(candidates)).sorted()
        if sorted.count == 1, sorted[0].hasSuffix("=") {
            return Completion(word: word, candidates: sorted, replacement: sorted[0])
        }
        return finish(word, candidates: sorted, terminator: " ")
    }

    /// `request METHOD PATH`: the methods first (typed in any case, completed as they must be
    /// written), then the known paths of the method given. Nil once both are given: the
    /// arguments come next.
    private func completeEndpoint(_ word: String, of command: CompletionCatalog.Command, operands: [String]) -> Completion? {
        let upper = word.uppercased()
        switch operands.count {
        case 0:
            return finish(word, candidates: RawRequest.methods.filter { $0.hasPrefix(upper) }.sorted(), terminator: " ")
        case 1:
            let method = operands[0].uppercased()
            let paths = Set(command.endpoints.filter { $0.method == method && $0.path.hasPrefix(word) }.map(\.path))
            return finish(word, candidates: paths.sorted(), terminator: " ")
        default:
            return nil
        }
    }

    /// `id=` / `cid=` (and their exchange names) of a command that names an order by them: the
    /// open orders of the statement's symbol, each listed with its side and price.
    private func completeOrder(
        _ name: String, value: String, word: String, of command: CompletionCatalog.Command, operands: [String]
    ) -> Completion? {
        let byId = ["id", "orderId"].contains(name)
        let byClientId = ["cid", "origClientOrderId"].contains(name)
        guard byId || byClientId, command.positionals.first == "symbol",
            let symbol = operands.first(where: { !$0.contains("=") && $0 != "isolated" })?.uppercased(),
            symbol.allSatisfy({ $0.isLetter || $0.isNumber })
        else { return nil }
        let isolated = operands.contains("isolated") || operands.contains { $0.uppercased() == "ISISOLATED=TRUE" }
        guard let orders = openOrders(symbol, isolated) else { return .none(word) }
        // A client order id from the answer goes into the line only when it is one the exchange
        // accepts (`^[.A-Z:/a-z0-9_-]{1,36}$`): never control characters or spaces.
        let matching = orders.filter { order in
            (byId || Self.isClientOrderId(order.clientOrderId))
                && (byId ? String(order.orderId) : order.clientOrderId).hasPrefix(value)
        }
        let candidates = matching.map { name + "=" + (byId ? String($0.orderId) : $0.clientOrderId) }
        let width = candidates.map(\.count).max() ?? 0
        let sideWidth = matching.map(\.side.count).max() ?? 0
        let labels = zip(candidates, matching).map { candidate, order in
            candidate + String(repeating: " ", count: width - candidate.count) + "  "
                + order.side + String(repeating: " ", count: sideWidth - order.side.count) + " \(order.price)"
                + (byId ? "  \(order.clientOrderId)" : "  #\(order.orderId)")
        }
        var completion = finish(word, candidates: candidates, terminator: " ")
        completion.labels = labels.map { TerminalText.escaped($0) }
        return completion
    }

    /// Whether `text` has the exchange's client order id pattern, `^[.A-Z:/a-z0-9_-]{1,36}$`.
    static func isClientOrderId(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 36
            && text.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "/")
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
    }

    private func symbolMatches(_ prefix: Substring) -> [String] {
        let upper = prefix.uppercased()
        return Set(symbols).filter { $0.hasPrefix(upper) }.sorted()
    }

    private func completeFile(_ word: String) -> Completion {
        let slash = word.lastIndex(of: "/")
        let directory = slash.map { String(word[...$0]) } ?? ""
        let stem = slash.map { String(word[word.index(after: $0)...]) } ?? word
        guard let entries = listDirectory(directory) else { return .none(word) }
        let matches =
            entries
            .filter { $0.name.hasPrefix(stem) && ($0.name.first != "." || stem.first == ".") }
            .map { directory + $0.name + ($0.isDirectory ? "/" : "") }
            .sorted()
        if matches.count == 1, matches[0].hasSuffix("/") {
            return Completion(word: word, candidates: matches, replacement: matches[0])
        }
        return finish(word, candidates: matches, terminator: " ")
    }

    // MARK: - Helpers

    /// The single candidate plus `terminator`, or the longest common prefix of several.
    private func finish(_ word: String, candidates: [String], terminator: String) -> Completion {
        switch candidates.count {
        case 0: return .none(word)
        case 1: return Completion(word: word, candidates: candidates, replacement: candidates[0] + terminator)
        default:
            let prefix = Self.commonPrefix(candidates)
            let advances = prefix.count > word.count || (prefix.count == word.count && prefix != word)
            return Completion(word: word, candidates: candidates, replacement: advances ? prefix : word)
        }
    }

    /// The longest prefix shared by every string.
    static func commonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first else { return "" }
        for string in strings.dropFirst() {
            while !string.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    /// The part of `text` after the last statement boundary (`{`, `}`, `;`, newline).
    static func currentStatement(_ text: Substring) -> Substring {
        if let boundary = text.lastIndex(where: { $0 == "{" || $0 == "}" || $0 == ";" || $0 == "\n" }) {
            return text[text.index(after: boundary)...]
        }
        return text
    }

    /// The command word of a statement's tokens: the first token, or the one after
    /// `let NAME =` (a command whose result is bound to a variable).
    static func commandWord(_ tokens: [String]) -> String? {
        guard let first = tokens.first else { return nil }
        if first == "let" {
            guard tokens.count >= 3, tokens[2] == "=" else { return "let" }
            return tokens.count >= 4 ? tokens[3] : nil
        }
        return first
    }
}
