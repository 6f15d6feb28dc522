import BinanceAPI

/// A command call bound once: its entry found, each argument matched to its spec, and literal
/// arguments already converted. Running it again only evaluates the arguments that can change
/// (`id=$id`), converts them, builds the operation and validates it.
///
/// A loop body's `cancel LTCBTC id=$id` is bound a million times otherwise, each time looking
/// up the entry, matching names and aliases, and converting `LTCBTC` again.
///
/// The plan only has a fast path: whenever something fails (an argument does not evaluate or
/// convert, the operation does not validate), ``operation(evaluate:)`` returns nil and the
/// interpreter binds the call with ``CommandBinder/bind(_:evaluate:)``, which reports exactly
/// the diagnostic it always did. Evaluating arguments has no side effects, so doing it twice on
/// that path changes nothing.
///
/// Both the plan and its slots are classes: a loop reads them on every iteration, and reading a
/// class's fields copies nothing (a struct holding the entry and argument specs would be
/// copied, with a retain and release of each of its strings, every time).
final class CommandPlan {
    /// One argument of the call, in the entry's argument order.
    final class Slot {
        /// The argument's short name (the key the entry's `build:` reads).
        let name: String
        let kind: ArgumentKind
        let spec: ArgumentSpec
        /// How the call wrote its name (`id`, `orderId`), for conversion messages.
        let writtenAs: String
        let expression: Expression
        /// The converted value of a literal argument (or a bare flag), fixed for every run.
        let constant: ArgumentValue?

        init(name: String, spec: ArgumentSpec, writtenAs: String, expression: Expression, constant: ArgumentValue?) {
            self.name = name
            self.kind = spec.kind
            self.spec = spec
            self.writtenAs = writtenAs
            self.expression = expression
            self.constant = constant
        }
    }

    let entry: CommandEntry
    let slots: [Slot]
    /// The arguments the call wrote (for the account rules).
    let givenNames: Set<String>
    /// Whether the entry has account words or account-only arguments to check on every run.
    let hasAccountRules: Bool
    /// Whether the account rules fail, when that is the same on every run: every argument they
    /// read (the account words and the accounts named by account-only arguments) is a literal or
    /// absent. Nil when a variable decides it, and the rules are checked on every run.
    ///
    /// `cancel LTCBTC id=$id` checked them on every run before: filtering the entry's arguments
    /// and hashing names into the set of given ones cost a sixth of a dry-run statement.
    let fixedAccountProblem: Bool?
    /// The argument values of the run in progress, refilled on every run: their storage is
    /// allocated once per plan, not once per statement.
    private var values: ArgumentValues

    /// Nil when the call does not match its entry cleanly (unknown command or argument, an
    /// argument given twice, a required one missing): the binder reports those.
    init?(call: CommandCall, binder: CommandBinder) {
        // A run-time endpoint's free parameters are bound by the binder on every run.
        guard let entry = binder.catalog.entry(named: call.name), !entry.choosesEndpointAtRunTime else { return nil }
        var diagnostics: [Diagnostic] = []
        let assigned = binder.match(call, to: entry, diagnostics: &diagnostics)
        guard diagnostics.isEmpty else { return nil }
        let literals = Evaluator(source: binder.source, variables: [:])
        var slots: [Slot] = []
        for spec in entry.arguments {
            guard let (_, argument) = assigned[spec.name] else { continue }
            let writtenAs = argument.name ?? spec.name
            var constant: ArgumentValue?
            if spec.kind == .flag && argument.name == nil {
                constant = .bool(true)
            } else if Self.isLiteral(argument.value), let value = try? literals.evaluate(argument.value),
                case .success(let converted) = binder.convert(value, to: spec, writtenAs: writtenAs)
            {
                constant = converted
            }
            slots.append(
                Slot(name: spec.name, spec: spec, writtenAs: writtenAs, expression: argument.value, constant: constant))
        }
        self.entry = entry
        self.slots = slots
        self.givenNames = Set(slots.map(\.name))
        self.hasAccountRules = entry.arguments.contains { $0.isAccountWord || $0.account != nil }
        self.values = ArgumentValues(capacity: slots.count)
        let accountNames = Set(entry.arguments.filter(\.isAccountWord).map(\.name) + entry.arguments.compactMap(\.account))
        if hasAccountRules, slots.allSatisfy({ $0.constant != nil || !accountNames.contains($0.name) }) {
            // What the rules read is in the constants; the other arguments decide nothing.
            var constants = ArgumentValues(capacity: slots.count)
            for slot in slots {
                if let constant = slot.constant { constants.appendNew(slot.name, constant) }
            }
            self.fixedAccountProblem = entry.accountProblem(constants, given: givenNames) != nil
        } else {
            self.fixedAccountProblem = nil
        }
    }

    /// Whether `expression` has the same value on every run (no variable in it).
    static func isLiteral(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .word, .integer, .decimal, .boolean:
            return true
        case .string(let parts):
            return parts.allSatisfy { if case .text = $0 { true } else { false } }
        default:
            return false
        }
    }

    /// The validated operation for this run, or nil when anything fails (see the type's notes).
    /// `evaluate` returns an argument's value, or nil when it cannot be evaluated.
    func operation(evaluate: (Expression) -> Value?) -> (any ExchangeOperation)? {
        values.removeAll()
        for slot in slots {
            if let constant = slot.constant {
                values.appendNew(slot.name, constant)
                continue
            }
            guard let value = evaluate(slot.expression), let converted = CommandBinder.converted(value, to: slot.kind)
            else { return nil }
            values.appendNew(slot.name, converted)
        }
        // A statement breaking the account rules goes to the binder, which reports it.
        if let fixedAccountProblem {
            if fixedAccountProblem { return nil }
        } else if hasAccountRules, entry.accountProblem(values, given: givenNames) != nil {
            return nil
        }
        let operation = entry.operation(values)
        do {
            try operation.validate()
        } catch {
            return nil
        }
        return operation
    }
}
