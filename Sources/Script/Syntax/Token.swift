/// One lexical token of the bnc language.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A bare word: a keyword, a command name, an argument name, or a string written without quotes.
        case word(String)
        /// An integer literal as written (`28`, `-5`).
        case integer(String)
        /// A decimal literal as written (`0.001`); never converted to a binary float.
        case decimal(String)
        /// A quoted string; double-quoted strings may interpolate variables.
        case string([StringPart])
        /// `$name` or `${name}`, with any `.field` accesses.
        case variable(name: String, fields: [String])
        /// `=`
        case assign
        /// `==`, `!=`, `<`, `<=`, `>`, `>=`
        case comparison(ComparisonOperator)
        /// `and` / `&&`
        case and
        /// `or` / `||`
        case or
        /// `not` / `!`
        case not
        case leftBrace, rightBrace, leftBracket, rightBracket, leftParen, rightParen
        case comma
        /// `..`
        case dotDot
        /// A statement separator: a newline or `;`.
        case newline
        case semicolon
        case end
    }

    var kind: Kind
    var range: SourceRange
    /// Whether whitespace (or a comment) came right before this token.
    var spaceBefore: Bool
}

/// A piece of a string literal: text, or an interpolated variable reference.
package enum StringPart: Sendable, Hashable {
    case text(String)
    case variable(name: String, fields: [String], range: SourceRange)
}

/// A comparison between two values.
package enum ComparisonOperator: String, Sendable, Hashable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

extension Token.Kind {
    /// How the token is named in "expected X, found Y" messages.
    var display: String {
        switch self {
        case .word(let word): return "'\(word)'"
        case .integer(let text), .decimal(let text): return "number \(text)"
        case .string: return "a string"
        case .variable(let name, let fields): return "'$" + ([name] + fields).joined(separator: ".") + "'"
        case .assign: return "'='"
        case .comparison(let op): return "'\(op.rawValue)'"
        case .and: return "'and'"
        case .or: return "'or'"
        case .not: return "'not'"
        case .leftBrace: return "'{'"
        case .rightBrace: return "'}'"
        case .leftBracket: return "'['"
        case .rightBracket: return "']'"
        case .leftParen: return "'('"
        case .rightParen: return "')'"
        case .comma: return "','"
        case .dotDot: return "'..'"
        case .newline: return "end of line"
        case .semicolon: return "';'"
        case .end: return "end of input"
        }
    }
}
