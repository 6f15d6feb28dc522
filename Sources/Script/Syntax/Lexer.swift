/// Splits script text into tokens. Never fails: a problem becomes a diagnostic and lexing goes on,
/// so one pass reports every error.
struct Lexer {
    private let source: SourceFile
    private let characters: [Character]
    private var index = 0
    private var line = 1
    private var column = 1
    private var spaceBefore = true
    private(set) var tokens: [Token] = []
    private(set) var diagnostics: [Diagnostic] = []

    /// Lexes all of `source`; the last token is `.end`.
    static func tokenize(_ source: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(source: source)
        lexer.run()
        return (lexer.tokens, lexer.diagnostics)
    }

    private init(source: SourceFile) {
        self.source = source
        self.characters = source.characters
    }

    /// Characters that may appear in a bare word (besides letters and digits).
    static func isWordCharacter(_ character: Character) -> Bool {
        if character.isLetter || character.isNumber { return true }
        switch character {
        case "_", "-", ".", ":", "/", "@", "%", "+": return true
        default: return false
        }
    }

    static func isIdentifierStart(_ character: Character) -> Bool {
        character == "_" || (character.isLetter && character.isASCII)
    }

    static func isIdentifierCharacter(_ character: Character) -> Bool {
        character == "_" || ((character.isLetter || character.isNumber) && character.isASCII)
    }

    private func peek(_ ahead: Int = 0) -> Character? {
        index + ahead < characters.count ? characters[index + ahead] : nil
    }

    private var location: SourceLocation { SourceLocation(file: source.name, line: line, column: column) }

    private mutating func advance() {
        guard index < characters.count else { return }
        let character = characters[index]
        index += 1
        if character == "\n" || character == "\r\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    private func range(from start: SourceLocation, offset: Int) -> SourceRange {
        let length = start.line == line ? column - start.column : source.line(start.line).count - start.column + 1
        return SourceRange(start: start, length: length, offset: offset, endOffset: index)
    }

    private mutating func emit(_ kind: Token.Kind, from start: SourceLocation, offset: Int) {
        tokens.append(Token(kind: kind, range: range(from: start, offset: offset), spaceBefore: spaceBefore))
        spaceBefore = false
    }

    private mutating func error(_ message: String, at start: SourceLocation, offset: Int, hint: String? = nil) {
        diagnostics.append(Diagnostic(message, at: range(from: start, offset: offset), in: source, hint: hint))
    }

    private mutating func run() {
        while let character = peek() {
            let start = location
            let offset = index
            switch character {
            case " ", "\t", "\r":
                advance()
                spaceBefore = true
            case "\n", "\r\n":
                advance()
                emit(.newline, from: start, offset: offset)
                spaceBefore = true
            case "#":
                while let next = peek(), next != "\n", next != "\r\n" { advance() }
                spaceBefore = true
            case "\\" where peek(1) == "\n" || peek(1) == "\r\n":
                // A backslash at the end of a line continues the statement on the next line.
                advance()
                advance()
                spaceBefore = true
            case "\"":
                lexDoubleQuoted(start: start, offset: offset)
            case "'":
                lexSingleQuoted(start: start, offset: offset)
            case "$":
                lexVariable(start: start, offset: offset)
            case "{":
                advance()
                emit(.leftBrace, from: start, offset: offset)
            case "}":
                advance()
                emit(.rightBrace, from: start, offset: offset)
            case "[":
                advance()
                emit(.leftBracket, from: start, offset: offset)
            case "]":
                advance()
                emit(.rightBracket, from: start, offset: offset)
            case "(":
                advance()
                emit(.leftParen, from: start, offset: offset)
            case ")":
                advance()
                emit(.rightParen, from: start, offset: offset)
            case ",":
                advance()
                emit(.comma, from: start, offset: offset)
            case ";":
                advance()
                emit(.semicolon, from: start, offset: offset)
            case "=", "!", "<", ">", "&", "|":
                lexOperator(character, start: start, offset: offset)
            case "." where peek(1) == ".":
                advance()
                advance()
                emit(.dotDot, from: start, offset: offset)
            default:
                if Self.isWordCharacter(character) {
                    lexWord(start: start, offset: offset)
                } else {
                    advance()
                    error("unexpected character '\(character)'", at: start, offset: offset)
                    spaceBefore = true
                }
            }
        }
        let end = location
        tokens.append(
            Token(
                kind: .end, range: SourceRange(start: end, length: 1, offset: index, endOffset: index),
                spaceBefore: true))
    }

    private mutating func lexOperator(_ character: Character, start: SourceLocation, offset: Int) {
        advance()
        let next = peek()
        switch (character, next) {
        case ("=", "="):
            advance()
            emit(.comparison(.equal), from: start, offset: offset)
        case ("=", _): emit(.assign, from: start, offset: offset)
        case ("!", "="):
            advance()
            emit(.comparison(.notEqual), from: start, offset: offset)
        case ("!", _): emit(.not, from: start, offset: offset)
        case ("<", "="):
            advance()
            emit(.comparison(.lessOrEqual), from: start, offset: offset)
        case ("<", _): emit(.comparison(.less), from: start, offset: offset)
        case (">", "="):
            advance()
            emit(.comparison(.greaterOrEqual), from: start, offset: offset)
        case (">", _): emit(.comparison(.greater), from: start, offset: offset)
        case ("&", "&"):
            advance()
            emit(.and, from: start, offset: offset)
        case ("|", "|"):
            advance()
            emit(.or, from: start, offset: offset)
        default:
            error(
                "unexpected character '\(character)'", at: start, offset: offset,
                hint: character == "&" ? "write 'and' or '&&'" : "write 'or' or '||'")
            spaceBefore = true
        }
    }

    /// A word, or a number when the run is `[-]digits[.digits]` and nothing word-like follows.
    private mutating func lexWord(start: SourceLocation, offset: Int) {
        var text = ""
        var isNumber = false
        var isDecimal = false
        let first = peek()
        if let first, first.isASCII && first.isNumber || (first == "-" && (peek(1).map { $0.isASCII && $0.isNumber } ?? false)) {
            isNumber = true
            text.append(first)
            advance()
            while let next = peek(), next.isASCII, next.isNumber {
                text.append(next)
                advance()
            }
            if peek() == ".", let after = peek(1), after.isASCII, after.isNumber {
                isDecimal = true
                text.append(".")
                advance()
                while let next = peek(), next.isASCII, next.isNumber {
                    text.append(next)
                    advance()
                }
            }
        }
        // Anything word-like right after a number makes the whole run a word (`28abc`, `1.2.3`).
        while let next = peek(), Self.isWordCharacter(next), !(next == "." && peek(1) == ".") {
            isNumber = false
            text.append(next)
            advance()
        }
        if isNumber {
            emit(isDecimal ? .decimal(text) : .integer(text), from: start, offset: offset)
        } else {
            emit(.word(text), from: start, offset: offset)
        }
    }

    /// Reads `name(.field)*` after a `$`; returns nil when no name follows.
    private mutating func readReference() -> (String, [String])? {
        guard let first = peek(), Self.isIdentifierStart(first) else { return nil }
        var name = ""
        while let next = peek(), Self.isIdentifierCharacter(next) {
            name.append(next)
            advance()
        }
        var fields: [String] = []
        while peek() == ".", let after = peek(1), Self.isIdentifierCharacter(after) {
            advance()
            var field = ""
            while let next = peek(), Self.isIdentifierCharacter(next) {
                field.append(next)
                advance()
            }
            fields.append(field)
        }
        return (name, fields)
    }

    /// `$name.field` or `${name.field}`. Returns the reference, or nil after reporting an error.
    private mutating func readVariable(start: SourceLocation, offset: Int) -> (String, [String])? {
        advance() // $
        if peek() == "{" {
            advance()
            guard let reference = readReference() else {
                error("expected a variable name after '${'", at: start, offset: offset)
                return nil
            }
            guard peek() == "}" else {
                error("expected '}' to close '${'", at: start, offset: offset)
                return nil
            }
            advance()
            return reference
        }
        guard let reference = readReference() else {
            error(
                "expected a variable name after '$'", at: start, offset: offset,
                hint: "variable names start with a letter or '_'; write \\$ in a string for a dollar sign")
            return nil
        }
        return reference
    }

    private mutating func lexVariable(start: SourceLocation, offset: Int) {
        if let (name, fields) = readVariable(start: start, offset: offset) {
            emit(.variable(name: name, fields: fields), from: start, offset: offset)
        } else {
            spaceBefore = true
        }
    }

    private mutating func lexDoubleQuoted(start: SourceLocation, offset: Int) {
        advance()
        var parts: [StringPart] = []
        var text = ""
        while true {
            guard let character = peek() else {
                error("unterminated string", at: start, offset: offset, hint: "close the string with \"")
                break
            }
            if character == "\"" {
                advance()
                break
            }
            if character == "\\" {
                let escapeStart = location
                let escapeOffset = index
                advance()
                guard let escaped = peek() else { continue }
                advance()
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "r": text.append("\r")
                case "\"", "\\", "$", "'": text.append(escaped)
                default:
                    error(
                        "unknown escape '\\\(escaped)' in string", at: escapeStart, offset: escapeOffset,
                        hint: "the escapes are \\n \\t \\r \\\" \\\\ \\$")
                }
                continue
            }
            if character == "$", let next = peek(1), next == "{" || Self.isIdentifierStart(next) {
                let referenceStart = location
                let referenceOffset = index
                if let (name, fields) = readVariable(start: referenceStart, offset: referenceOffset) {
                    if !text.isEmpty { parts.append(.text(text)) }
                    text = ""
                    parts.append(
                        .variable(name: name, fields: fields, range: range(from: referenceStart, offset: referenceOffset)))
                }
                continue
            }
            text.append(character)
            advance()
        }
        if !text.isEmpty || parts.isEmpty { parts.append(.text(text)) }
        emit(.string(parts), from: start, offset: offset)
    }

    private mutating func lexSingleQuoted(start: SourceLocation, offset: Int) {
        advance()
        var text = ""
        var terminated = false
        while let character = peek() {
            advance()
            if character == "'" {
                terminated = true
                break
            }
            text.append(character)
        }
        if !terminated {
            error("unterminated string", at: start, offset: offset, hint: "close the string with '")
        }
        emit(.string([.text(text)]), from: start, offset: offset)
    }
}
