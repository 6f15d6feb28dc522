/// Expressions, loosest binding first:
/// `or` / `||`, then `and` / `&&`, then `not` / `!`, then one comparison, then `..`, then primaries.
extension Parser {
    mutating func parseExpression() throws(Abort) -> Expression {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth { throw error("expression is nested too deeply", at: current.range) }
        return try parseOr()
    }

    private var atOr: Bool {
        if case .or = current.kind { return true }
        return isWord("or")
    }

    private var atAnd: Bool {
        if case .and = current.kind { return true }
        return isWord("and")
    }

    private mutating func parseOr() throws(Abort) -> Expression {
        var left = try parseAnd()
        while atOr {
            advance()
            let right = try parseAnd()
            left = Expression(kind: .or(left, right), range: left.range.through(right.range))
        }
        return left
    }

    private mutating func parseAnd() throws(Abort) -> Expression {
        var left = try parseNot()
        while atAnd {
            advance()
            let right = try parseNot()
            left = Expression(kind: .and(left, right), range: left.range.through(right.range))
        }
        return left
    }

    private mutating func parseNot() throws(Abort) -> Expression {
        let isNot: Bool
        if case .not = current.kind { isNot = true } else { isNot = isWord("not") }
        guard isNot else { return try parseComparison() }
        let start = advance().range
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth { throw error("expression is nested too deeply", at: start) }
        let operand = try parseNot()
        return Expression(kind: .not(operand), range: start.through(operand.range))
    }

    private mutating func parseComparison() throws(Abort) -> Expression {
        let left = try parseRange()
        guard case .comparison(let op) = current.kind else { return left }
        advance()
        let right = try parseRange()
        if case .comparison = current.kind {
            throw error(
                "comparisons cannot be chained", at: current.range, hint: "combine them with 'and': a < b and b < c")
        }
        return Expression(kind: .comparison(op, left, right), range: left.range.through(right.range))
    }

    private mutating func parseRange() throws(Abort) -> Expression {
        let lower = try parsePrimary()
        guard case .dotDot = current.kind else { return lower }
        advance()
        let upper = try parsePrimary()
        return Expression(kind: .range(lower, upper), range: lower.range.through(upper.range))
    }

    /// A primary, and — when more words, numbers, strings or variables follow with no space in
    /// between (`undo-$id`, `$sym"-x"`) — their concatenation as one string.
    mutating func parsePrimary() throws(Abort) -> Expression {
        let first = try parseSinglePrimary()
        guard Self.concatenable(first), current.spaceBefore == false, Self.isConcatenable(current.kind) else {
            return first
        }
        var parts = Self.stringParts(of: first)
        var range = first.range
        while !current.spaceBefore, Self.isConcatenable(current.kind) {
            let next = try parseSinglePrimary()
            parts += Self.stringParts(of: next)
            range = range.through(next.range)
        }
        return Expression(kind: .string(parts), range: range)
    }

    static func isConcatenable(_ kind: Token.Kind) -> Bool {
        switch kind {
        case .word, .integer, .decimal, .string, .variable: return true
        default: return false
        }
    }

    static func concatenable(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .word, .integer, .decimal, .string, .variable, .boolean: return true
        default: return false
        }
    }

    static func stringParts(of expression: Expression) -> [StringPart] {
        switch expression.kind {
        case .word(let text), .integer(let text), .decimal(let text): return [.text(text)]
        case .boolean(let flag): return [.text(flag ? "true" : "false")]
        case .string(let parts): return parts
        case .variable(let name, let fields): return [.variable(name: name, fields: fields, range: expression.range)]
        default: return []
        }
    }

    private mutating func parseSinglePrimary() throws(Abort) -> Expression {
        let token = current
        switch token.kind {
        case .word(let word):
            advance()
            switch word {
            case "true": return Expression(kind: .boolean(true), range: token.range)
            case "false": return Expression(kind: .boolean(false), range: token.range)
            default: return Expression(kind: .word(word), range: token.range)
            }
        case .integer(let text):
            advance()
            return Expression(kind: .integer(text), range: token.range)
        case .decimal(let text):
            advance()
            return Expression(kind: .decimal(text), range: token.range)
        case .string(let parts):
            advance()
            return Expression(kind: .string(parts), range: token.range)
        case .variable(let name, let fields):
            advance()
            if case .leftBracket = current.kind, !current.spaceBefore {
                // `$x[0]` read as `$x` and the list `[0]`: printed as both, silently wrong.
                let written = "$" + ([name] + fields).joined(separator: ".")
                var hint = "elements and fields follow a dot: \(written).0 for the first element, \(written).count for the count"
                if case .rightBracket = peek(2).kind {
                    switch peek().kind {
                    case .integer(let index), .word(let index): hint = "write \(written).\(index)"
                    case .string(let parts):
                        // `$r["status"]`, as in Python: the key when it can follow a dot.
                        let key = parts.map { if case .text(let text) = $0 { text } else { "\u{0}" } }.joined()
                        if !key.isEmpty, key.utf8.count <= 64,
                            key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
                        {
                            hint = "write \(written).\(key)"
                        }
                    default: break
                    }
                }
                throw error("'[' right after \(written): elements are not reached with brackets", at: current.range, hint: hint)
            }
            return Expression(kind: .variable(name: name, fields: fields), range: token.range)
        case .leftBracket:
            return try parseList()
        case .leftParen:
            advance()
            skipNewlines()
            let inner = try parseExpression()
            skipNewlines()
            guard case .rightParen = current.kind else {
                throw error("expected ')' to close '(', found \(current.kind.display)", at: current.range)
            }
            advance()
            return inner
        default:
            throw error("expected a value, found \(current.kind.display)", at: token.range)
        }
    }

    /// `[a, b, c]`; newlines are allowed inside, and a trailing comma.
    private mutating func parseList() throws(Abort) -> Expression {
        let open = advance()
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth { throw error("list is nested too deeply", at: open.range) }
        var elements: [Expression] = []
        skipNewlines()
        while true {
            if case .rightBracket = current.kind { break }
            if case .end = current.kind {
                throw error("unterminated list: this '[' is never closed", at: open.range, hint: "add ']' to close it")
            }
            elements.append(try parseExpression())
            skipNewlines()
            if case .comma = current.kind {
                advance()
                skipNewlines()
                continue
            }
            guard case .rightBracket = current.kind else {
                if case .end = current.kind {
                    throw error("unterminated list: this '[' is never closed", at: open.range, hint: "add ']' to close it")
                }
                throw error("expected ',' or ']' in list, found \(current.kind.display)", at: current.range)
            }
        }
        let close = advance()
        return Expression(kind: .list(elements), range: open.range.through(close.range))
    }
}
