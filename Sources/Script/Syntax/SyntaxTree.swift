/// An expression: a literal, a variable reference, a list, a range, or an operator applied to
/// expressions.
package struct Expression: Sendable, Hashable {
    package indirect enum Kind: Sendable, Hashable {
        /// A bare word; it is a string unless it is `true`/`false`.
        case word(String)
        /// An integer as written.
        case integer(String)
        /// A decimal as written.
        case decimal(String)
        case boolean(Bool)
        /// A quoted string with its interpolations.
        case string([StringPart])
        /// `$name.field.field`
        case variable(name: String, fields: [String])
        case list([Expression])
        /// `lower..upper`, both ends included.
        case range(Expression, Expression)
        case not(Expression)
        case and(Expression, Expression)
        case or(Expression, Expression)
        case comparison(ComparisonOperator, Expression, Expression)
    }

    package var kind: Kind
    package var range: SourceRange
}

/// One argument of a command: `name=value`, or a bare value (a positional argument or a flag).
package struct ArgumentSyntax: Sendable, Hashable {
    /// The name before `=`, or nil for a bare value.
    package var name: String?
    package var nameRange: SourceRange?
    package var value: Expression
    /// The whole argument, for carets.
    package var range: SourceRange
}

/// A command statement: `cancel LTCBTC id=28 isolated`.
package struct CommandCall: Sendable, Hashable {
    package var name: String
    package var nameRange: SourceRange
    package var arguments: [ArgumentSyntax]
    package var range: SourceRange
}

/// What `let NAME =` binds: an expression or the result of a command.
package enum AssignedValue: Sendable, Hashable {
    case expression(Expression)
    case command(CommandCall)
}

/// One branch of an `if`: a condition and its block.
package struct ConditionalBranch: Sendable, Hashable {
    package var condition: Expression
    package var body: [Statement]
}

/// A statement, with the source text it came from (for events and logs).
package struct Statement: Sendable, Hashable {
    package indirect enum Kind: Sendable, Hashable {
        case command(CommandCall)
        /// `let NAME = VALUE`
        case assignment(name: String, nameRange: SourceRange, value: AssignedValue)
        /// `param NAME [= DEFAULT]`: a script parameter that `--set NAME=VALUE` provides.
        case parameter(name: String, nameRange: SourceRange, defaultValue: Expression?)
        /// `print EXPR...`: prints the values on one line, separated by spaces.
        case print([Expression])
        /// A statement that is just an expression (`$r`): shows its value (in the shell, a record
        /// as aligned fields).
        case show(Expression)
        /// `for NAME in EXPR { ... }`, or `for NAME in COMMAND(ARGS) { ... }` over a command's result
        /// (`for o in open(LTCBTC) { ... }`).
        case forLoop(variable: String, variableRange: SourceRange, sequence: AssignedValue, body: [Statement])
        /// `parallel WIDTH for NAME in SEQUENCE { ... }`: up to WIDTH iterations at once, each with
        /// its own copy of the variables; output in iteration order (see Interpreter+Parallel).
        case parallelFor(
            width: Expression, variable: String, variableRange: SourceRange, sequence: AssignedValue, body: [Statement])
        /// `repeat EXPR { ... }`
        case repeatLoop(count: Expression, body: [Statement])
        /// `if C { } else if C { } else { }`
        case conditional(branches: [ConditionalBranch], otherwise: [Statement]?)
        /// `try { ... } on error NAME { ... }`
        case tryBlock(body: [Statement], errorName: String, handler: [Statement])
        /// `sleep MS`
        case sleep(Expression)
        /// `fail "message"`: stops the script with exit code 1 (or goes to the enclosing `on error`).
        case fail(Expression)
    }

    package var kind: Kind
    /// From the first token to the end of the statement (a block statement spans its block).
    package var range: SourceRange
    /// The statement's source text, as written.
    package var text: String
    /// Where the statement's last word `wide` is (`open LTCBTC wide`, `$orders wide`): its
    /// output shows every field, whatever the column setting says. Nil without one. The checker
    /// allows it only on a command whose result is shown and on a shown value.
    package var wideRange: SourceRange? = nil

    /// Whether the statement ends in `wide`.
    package var isWide: Bool { wideRange != nil }
}
