/// Builds statements from tokens. Recovers after an error (skips to the end of the statement)
/// so that one pass reports every error in a script.
struct Parser {
    /// Thrown inside the parser after a diagnostic was recorded; caught at statement level.
    struct Abort: Error {}

    /// Deeper nesting than this is reported instead of risking the stack.
    static let maximumDepth = 64

    let source: SourceFile
    let commandNames: Set<String>
    var tokens: [Token]
    var position = 0
    var depth = 0
    var diagnostics: [Diagnostic] = []
    /// The end offset of the last token consumed, for statement text.
    var lastEnd = 0

    /// Parses a whole script. Lexer errors come first, in source order with parser errors.
    static func parse(_ source: SourceFile, commandNames: Set<String>) -> (statements: [Statement], diagnostics: [Diagnostic]) {
        let (tokens, lexerDiagnostics) = Lexer.tokenize(source)
        var parser = Parser(source: source, commandNames: commandNames, tokens: tokens)
        let statements = parser.parseStatements(inBlock: false)
        let all = (lexerDiagnostics + parser.diagnostics).sorted { $0.location < $1.location }
        return (statements, all)
    }

    // MARK: - Tokens

    var current: Token { tokens[position] }

    func peek(_ ahead: Int = 1) -> Token {
        tokens[min(position + ahead, tokens.count - 1)]
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        lastEnd = token.range.endOffset
        return token
    }

    var atTerminator: Bool {
        switch current.kind {
        case .newline, .semicolon, .rightBrace, .end: return true
        default: return false
        }
    }

    func isWord(_ word: String, _ token: Token? = nil) -> Bool {
        if case .word(let text) = (token ?? current).kind { return text == word }
        return false
    }

    mutating func error(_ message: String, at range: SourceRange, hint: String? = nil) -> Abort {
        diagnostics.append(Diagnostic(message, at: range, in: source, hint: hint))
        return Abort()
    }

    mutating func expect(_ kind: Token.Kind, _ what: String, hint: String? = nil) throws(Abort) -> Token {
        guard current.kind == kind else {
            throw error("expected \(what), found \(current.kind.display)", at: current.range, hint: hint)
        }
        return advance()
    }

    mutating func skipNewlines() {
        while case .newline = current.kind { advance() }
    }

    // MARK: - Statements

    /// Statements until `}` (in a block, not consumed) or the end.
    mutating func parseStatements(inBlock: Bool) -> [Statement] {
        var statements: [Statement] = []
        while true {
            switch current.kind {
            case .newline, .semicolon:
                advance()
                continue
            case .end:
                return statements
            case .rightBrace:
                if inBlock { return statements }
                diagnostics.append(
                    Diagnostic("unexpected '}' with no open block", at: current.range, in: source))
                advance()
                continue
            default:
                break
            }
            do throws(Abort) {
                let statement = try parseStatement()
                statements.append(statement)
                if !atTerminator {
                    throw error(
                        "expected the end of the statement, found \(current.kind.display)", at: current.range,
                        hint: "put one statement per line, or separate statements with ';'")
                }
            } catch {
                synchronize()
            }
        }
    }

    /// Skips to the end of the broken statement: a newline or `;` outside any brackets, or a `}`
    /// that closes the enclosing block.
    mutating func synchronize() {
        var braces = 0
        var brackets = 0
        while true {
            switch current.kind {
            case .end: return
            case .newline, .semicolon:
                if braces == 0 && brackets == 0 { return }
            case .leftBrace: braces += 1
            case .rightBrace:
                if braces == 0 { return }
                braces -= 1
            case .leftBracket, .leftParen: brackets += 1
            case .rightBracket, .rightParen: brackets = max(0, brackets - 1)
            default: break
            }
            advance()
        }
    }

    mutating func parseStatement() throws(Abort) -> Statement {
        let start = current.range
        let kind = try parseStatementKind()
        let wideRange = atWide ? advance().range : nil
        let end = tokens[max(0, position - 1)].range
        var range = start.through(end)
        range.endOffset = max(lastEnd, start.endOffset)
        return Statement(kind: kind, range: range, text: source.text(of: range), wideRange: wideRange)
    }

    /// Whether the current token is the word `wide` ending a statement (`open LTCBTC wide`).
    /// Anywhere else `wide` is an ordinary word; the checker says when it is misplaced.
    var atWide: Bool {
        guard isWord("wide") else { return false }
        switch peek().kind {
        case .newline, .semicolon, .rightBrace, .end: return true
        default: return false
        }
    }

    mutating func parseStatementKind() throws(Abort) -> Statement.Kind {
        guard case .word(let word) = current.kind else {
            switch current.kind {
            case .variable, .string, .integer, .decimal, .leftBracket, .leftParen, .not:
                return .show(try parseExpression())
            default:
                throw error(
                    "expected a statement, found \(current.kind.display)", at: current.range,
                    hint: "a statement starts with a command (like cancel) or let, print, for, parallel, repeat, if, try")
            }
        }
        switch word {
        case "let": return try parseLet()
        case "param": return try parseParam()
        case "print":
            advance()
            var values: [Expression] = []
            while !atTerminator { values.append(try parseExpression()) }
            return .print(values)
        case "for": return try parseFor()
        case "parallel": return try parseParallelFor()
        case "repeat":
            advance()
            let count = try parseExpression()
            return .repeatLoop(count: count, body: try parseBlock(after: "repeat"))
        case "if": return try parseIf()
        case "try": return try parseTry()
        case "sleep":
            advance()
            guard !atTerminator else {
                throw error("expected milliseconds after 'sleep'", at: current.range, hint: "sleep 500")
            }
            return .sleep(try parseExpression())
        case "fail":
            advance()
            guard !atTerminator else {
                throw error("expected a message after 'fail'", at: current.range, hint: "fail \"what went wrong\"")
            }
            return .fail(try parseExpression())
        case "else":
            throw error(
                "'else' without 'if'", at: current.range,
                hint: "write 'else' on the same line as the '}' that closes the if block: } else {")
        case "on":
            throw error(
                "'on error' without 'try'", at: current.range,
                hint: "write 'on error' on the same line as the '}' that closes the try block: } on error e {")
        case "true", "false":
            return .show(try parseExpression())
        default:
            return .command(try parseCommand())
        }
    }

    mutating func parseName(after keyword: String) throws(Abort) -> (String, SourceRange) {
        guard case .word(let name) = current.kind else {
            throw error("expected a variable name after '\(keyword)', found \(current.kind.display)", at: current.range)
        }
        guard let first = name.first, Lexer.isIdentifierStart(first), name.allSatisfy(Lexer.isIdentifierCharacter)
        else {
            throw error(
                "'\(name)' is not a valid variable name", at: current.range,
                hint: "names are letters, digits and '_', starting with a letter or '_'")
        }
        if Keywords.reserved.contains(name) {
            throw error("'\(name)' is a keyword and cannot be a variable name", at: current.range)
        }
        return (name, advance().range)
    }

    mutating func parseLet() throws(Abort) -> Statement.Kind {
        advance()
        if case .variable(let name, _) = current.kind {
            throw error("write the name without '$' after let", at: current.range, hint: "let \(name) = ...")
        }
        let (name, nameRange) = try parseName(after: "let")
        _ = try expect(.assign, "'=' after 'let \(name)'", hint: "let \(name) = VALUE")
        guard !atTerminator else {
            throw error("expected a value after 'let \(name) ='", at: current.range)
        }
        if case .word(let word) = current.kind {
            let next = peek().kind
            let nextIsOperand: Bool
            switch next {
            case .newline, .semicolon, .rightBrace, .end, .comparison, .and, .or, .dotDot: nextIsOperand = false
            case .word(let nextWord): nextIsOperand = nextWord != "and" && nextWord != "or"
            default: nextIsOperand = true
            }
            if commandNames.contains(word) || (nextIsOperand && !Keywords.expressionWords.contains(word)) {
                return .assignment(name: name, nameRange: nameRange, value: .command(try parseCommand()))
            }
        }
        return .assignment(name: name, nameRange: nameRange, value: .expression(try parseExpression()))
    }

    mutating func parseParam() throws(Abort) -> Statement.Kind {
        advance()
        let (name, nameRange) = try parseName(after: "param")
        guard case .assign = current.kind else {
            return .parameter(name: name, nameRange: nameRange, defaultValue: nil)
        }
        advance()
        return .parameter(name: name, nameRange: nameRange, defaultValue: try parseExpression())
    }

    mutating func parseFor() throws(Abort) -> Statement.Kind {
        advance()
        let (name, nameRange) = try parseName(after: "for")
        guard isWord("in") else {
            throw error(
                "expected 'in' after 'for \(name)', found \(current.kind.display)", at: current.range,
                hint: "for \(name) in 1..3 { ... }")
        }
        advance()
        let sequence: AssignedValue
        if case .word(let word) = current.kind, commandNames.contains(word), case .leftParen = peek().kind,
            !peek().spaceBefore
        {
            sequence = .command(try parseParenthesizedCommand())
        } else {
            sequence = .expression(try parseExpression())
        }
        return .forLoop(variable: name, variableRange: nameRange, sequence: sequence, body: try parseBlock(after: "for"))
    }

    /// `parallel WIDTH for NAME in SEQUENCE { ... }`
    mutating func parseParallelFor() throws(Abort) -> Statement.Kind {
        advance()
        if isWord("for") || atTerminator {
            throw error(
                "expected how many iterations may run at once after 'parallel', found \(current.kind.display)",
                at: current.range, hint: "parallel 8 for id in 1..100 { ... }")
        }
        let width = try parseExpression()
        guard isWord("for") else {
            throw error(
                "expected 'for' after 'parallel', found \(current.kind.display)", at: current.range,
                hint: "parallel 8 for id in 1..100 { ... }")
        }
        guard case .forLoop(let variable, let variableRange, let sequence, let body) = try parseFor() else {
            throw error("expected a for loop after 'parallel'", at: current.range)
        }
        return .parallelFor(width: width, variable: variable, variableRange: variableRange, sequence: sequence, body: body)
    }

    mutating func parseIf() throws(Abort) -> Statement.Kind {
        var branches: [ConditionalBranch] = []
        var otherwise: [Statement]?
        repeat {
            advance() // `if`
            let condition = try parseExpression()
            branches.append(ConditionalBranch(condition: condition, body: try parseBlock(after: "if")))
            guard isWord("else") else { break }
            advance()
            if isWord("if") { continue }
            otherwise = try parseBlock(after: "else")
            break
        } while true
        return .conditional(branches: branches, otherwise: otherwise)
    }

    mutating func parseTry() throws(Abort) -> Statement.Kind {
        advance()
        let body = try parseBlock(after: "try")
        guard isWord("on") else {
            throw error(
                "expected 'on error' after the try block, found \(current.kind.display)", at: current.range,
                hint: "try { ... } on error e { print $e.msg }")
        }
        advance()
        guard isWord("error") else {
            throw error("expected 'error' after 'on', found \(current.kind.display)", at: current.range)
        }
        advance()
        var name = "error"
        if case .word = current.kind { name = try parseName(after: "on error").0 }
        return .tryBlock(body: body, errorName: name, handler: try parseBlock(after: "on error"))
    }

    /// `{ statements }`; an unclosed block is reported at its `{`.
    mutating func parseBlock(after keyword: String) throws(Abort) -> [Statement] {
        guard case .leftBrace = current.kind else {
            throw error(
                "expected '{' after \(keyword), found \(current.kind.display)", at: current.range,
                hint: "blocks open with '{' on the same line")
        }
        let open = advance()
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth { throw error("blocks are nested too deeply", at: open.range) }
        let body = parseStatements(inBlock: true)
        guard case .rightBrace = current.kind else {
            throw error("unterminated block: this '{' is never closed", at: open.range, hint: "add '}' to close it")
        }
        advance()
        return body
    }
}

/// The words the language reserves.
enum Keywords {
    /// Words that start statements or have meaning inside them; not usable as variable names.
    static let reserved: Set<String> = [
        "let", "param", "print", "for", "parallel", "in", "repeat", "if", "else", "try", "on", "sleep", "fail",
        "true", "false", "and", "or", "not"
    ]
    /// Words with a meaning inside expressions.
    static let expressionWords: Set<String> = ["true", "false", "and", "or", "not"]
    /// The statement keywords, for completion and help.
    static let statements = ["let", "param", "print", "for", "parallel", "repeat", "if", "try", "sleep", "fail"]
}
