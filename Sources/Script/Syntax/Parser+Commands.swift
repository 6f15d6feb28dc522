/// Commands: `cancel LTCBTC id=28 isolated` as a statement, and `open(LTCBTC)` as a loop's sequence.
extension Parser {
    mutating func parseCommand() throws(Abort) -> CommandCall {
        let nameToken = advance()
        guard case .word(let name) = nameToken.kind else {
            throw error("expected a command name", at: nameToken.range)
        }
        var arguments: [ArgumentSyntax] = []
        // A last word `wide` belongs to the statement (it shows every field), not to the command.
        while !atTerminator && !atWide {
            if case .word(let argumentName) = current.kind, case .assign = peek().kind {
                let nameRange = advance().range
                let assign = advance()
                if atTerminator {
                    throw error(
                        "expected a value after '\(argumentName)='", at: assign.range,
                        hint: "write \(argumentName)=VALUE with no space around '='")
                }
                let value = try parseArgumentValue()
                arguments.append(
                    ArgumentSyntax(name: argumentName, nameRange: nameRange, value: value, range: nameRange.through(value.range)))
            } else {
                let value = try parseArgumentValue()
                arguments.append(ArgumentSyntax(name: nil, nameRange: nil, value: value, range: value.range))
            }
        }
        let end = arguments.last?.range ?? nameToken.range
        return CommandCall(name: name, nameRange: nameToken.range, arguments: arguments, range: nameToken.range.through(end))
    }

    /// An argument's value: a single primary (a word, number, string, variable, list or `( )`).
    mutating func parseArgumentValue() throws(Abort) -> Expression {
        if case .word(let word) = current.kind, peek().spaceBefore || !Self.isConcatenable(peek().kind) {
            // `true`/`false` stay words here: a flag or text argument reads them itself.
            return Expression(kind: .word(word), range: advance().range)
        }
        return try parsePrimary()
    }

    /// `NAME(ARGUMENTS)`: a command written as a value, its arguments inside the parentheses
    /// separated by spaces or commas (`open(LTCBTC)`, `orders(LTCBTC, limit=10)`).
    mutating func parseParenthesizedCommand() throws(Abort) -> CommandCall {
        let nameToken = advance()
        guard case .word(let name) = nameToken.kind else { throw error("expected a command name", at: nameToken.range) }
        let open = advance()
        var arguments: [ArgumentSyntax] = []
        while true {
            skipNewlines()
            if case .rightParen = current.kind { break }
            if case .comma = current.kind {
                advance()
                continue
            }
            if case .end = current.kind {
                throw error("unterminated call: this '(' is never closed", at: open.range, hint: "add ')' to close it")
            }
            if case .leftBrace = current.kind {
                throw error(
                    "expected ')' to close '\(name)(', found '{'", at: current.range,
                    hint: "for o in \(name)(ARGUMENTS) { ... }")
            }
            if case .word(let argumentName) = current.kind, case .assign = peek().kind {
                let nameRange = advance().range
                let assign = advance()
                if case .rightParen = current.kind {
                    throw error("expected a value after '\(argumentName)='", at: assign.range)
                }
                let value = try parseArgumentValue()
                arguments.append(
                    ArgumentSyntax(name: argumentName, nameRange: nameRange, value: value, range: nameRange.through(value.range)))
            } else {
                let value = try parseArgumentValue()
                arguments.append(ArgumentSyntax(name: nil, nameRange: nil, value: value, range: value.range))
            }
        }
        let close = advance()
        return CommandCall(
            name: name, nameRange: nameToken.range, arguments: arguments, range: nameToken.range.through(close.range))
    }
}
