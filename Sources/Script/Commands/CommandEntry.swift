import BinanceAPI

/// One command of the language: its name, arguments, help text, and how its converted arguments
/// become a typed ``ExchangeOperation``.
///
/// The entry binds words to one operation type and keeps that type's ``EndpointDescription``
/// (``operationEndpoint``): help, completion, the dry run, `bnc explain`'s documented order and
/// the session log all read the endpoint from here or from the operation, never from a list
/// of their own. Entries live in ``CommandCatalog/standard``; see there how to add one.
package struct CommandEntry: Sendable {
    /// The word that starts the statement: `cancel`.
    package var name: String
    /// One line: what the command does.
    package var summary: String
    /// The syntax line: `cancel SYMBOL (id=N | cid=TEXT) [isolated] [newcid=TEXT] [recv=MS]`.
    package var syntax: String
    /// A statement that works, for help and completion.
    package var example: String
    /// Longer help: rules, what the result holds.
    package var description: String
    /// Positional arguments first, in order, then named arguments and flags.
    package var arguments: [ArgumentSpec]
    /// The operation's endpoint: method, path, weight, title, documented parameter order.
    package var operationEndpoint: EndpointDescription
    /// Builds the typed operation from converted arguments (validation happens afterwards).
    let makeOperation: @Sendable (ArgumentValues) -> any ExchangeOperation
    /// The operations the same words reach on another account, each chosen by its account word
    /// (`cancel … spot` → `DELETE /api/v3/order`); empty for a command of one endpoint.
    package private(set) var accountVariants: [AccountVariant] = []
    /// Whether the operation's endpoint is chosen at run time (`request METHOD PATH`): the entry
    /// then takes parameters of any name (``ArgumentValues/parameters``, in the order written),
    /// and ``operationEndpoint`` only describes the command for help; it is no documented
    /// endpoint, so ``CommandCatalog/endpoints`` leaves it out.
    package private(set) var choosesEndpointAtRunTime = false

    /// Another account's operation for the same command: chosen when its ``word`` is given.
    package struct AccountVariant: Sendable {
        /// The account word (`spot`), an argument of the entry made with ``ArgumentSpec/accountWord(_:summary:)``.
        package var word: String
        /// The operation's endpoint.
        package var endpoint: EndpointDescription
        let make: @Sendable (ArgumentValues) -> any ExchangeOperation
    }

    /// An entry for `Operation`: the endpoint comes from the operation type.
    package init<Operation: DocumentedOperation>(
        name: String, operation: Operation.Type, summary: String, syntax: String, example: String,
        description: String, arguments: [ArgumentSpec], build: @escaping @Sendable (ArgumentValues) -> Operation
    ) {
        self.name = name
        self.summary = summary
        self.syntax = syntax
        self.example = example
        self.description = description
        self.arguments = arguments
        self.operationEndpoint = Operation.endpoint
        self.makeOperation = { build($0) }
    }

    /// An entry whose operation's endpoint is chosen at run time from the arguments
    /// (``choosesEndpointAtRunTime``); `described` is what help shows for it.
    package init(
        name: String, described: EndpointDescription, summary: String, syntax: String, example: String,
        description: String, arguments: [ArgumentSpec],
        build: @escaping @Sendable (ArgumentValues) -> any ExchangeOperation
    ) {
        self.name = name
        self.summary = summary
        self.syntax = syntax
        self.example = example
        self.description = description
        self.arguments = arguments
        self.operationEndpoint = described
        self.makeOperation = build
        self.choosesEndpointAtRunTime = true
    }

    /// The same entry reaching `operation` when the statement carries the account word `word`
    /// (an argument of the entry): one command word, one operation per account, and help,
    /// completion and hints still read one entry.
    package func on<Operation: DocumentedOperation>(
        _ word: String, _ operation: Operation.Type, build: @escaping @Sendable (ArgumentValues) -> Operation
    ) -> CommandEntry {
        var entry = self
        entry.accountVariants.append(AccountVariant(word: word, endpoint: Operation.endpoint, make: { build($0) }))
        return entry
    }

    /// Every endpoint the entry reaches: the default operation's, then each account's.
    package var operationEndpoints: [EndpointDescription] { [operationEndpoint] + accountVariants.map(\.endpoint) }

    /// The account word of `values` that chooses a variant, or nil for the default operation.
    func variant(for values: ArgumentValues) -> AccountVariant? {
        accountVariants.first { values.flag($0.word) }
    }

    /// The arguments a statement on `account` (an account word, nil for the default) may carry.
    package func arguments(for account: String?) -> [ArgumentSpec] {
        let variantWords = Set(accountVariants.map(\.word))
        return arguments.filter { spec in
            if spec.isAccountWord { return account == nil ? !variantWords.contains(spec.name) : spec.name == account }
            return spec.account == nil || spec.account == account
        }
    }

    /// What breaks the account rules in `values`, or nil: two account words at once, or an
    /// argument of one account (`only=` is `spot`'s) without its word. `given` names the
    /// arguments the statement wrote; `unknown` those whose value is not known yet (`spot=$x`
    /// at check time), which decide nothing.
    func accountProblem(_ values: ArgumentValues, given: Set<String>, unknown: Set<String> = []) -> AccountProblem? {
        let words = arguments.filter { $0.isAccountWord && !unknown.contains($0.name) && values.flag($0.name) }
        if words.count > 1 {
            return AccountProblem(
                argument: words[1].name,
                message: "'\(words[0].name)' and '\(words[1].name)' name two accounts; a statement acts on one",
                hint: "usage: \(syntax)")
        }
        for spec in arguments where given.contains(spec.name) {
            guard let account = spec.account, !unknown.contains(account), !values.flag(account) else { continue }
            let endpoint = variant(for: values)?.endpoint ?? operationEndpoint
            return AccountProblem(
                argument: spec.name,
                message: "'\(spec.name)=' is for the \(account) account only: add '\(account)'",
                hint: "the \(endpoint.title) (\(endpoint.line)) has no \(spec.parameter) parameter")
        }
        return nil
    }

    /// An argument that does not fit the account the statement names.
    struct AccountProblem: Equatable {
        /// The argument to point at.
        var argument: String
        var message: String
        var hint: String
    }

    /// The endpoint, e.g. `DELETE /sapi/v1/margin/order`; `METHOD PATH` when chosen at run time.
    package var endpoint: String { choosesEndpointAtRunTime ? "METHOD PATH, as given" : operationEndpoint.line }

    /// The operation's title, e.g. "margin cancel".
    package var operationTitle: String { operationEndpoint.title }

    /// The typed operation for `values` (not yet validated).
    package func operation(_ values: ArgumentValues) -> any ExchangeOperation {
        if let variant = variant(for: values) { return variant.make(values) }
        return makeOperation(values)
    }

    /// The argument answering to `name` (its name or an alias).
    package func argument(named name: String) -> ArgumentSpec? {
        arguments.first { $0.allNames.contains(name) }
    }

    /// The positional arguments, in order.
    package var positionalArguments: [ArgumentSpec] { arguments.filter(\.isPositional) }

    /// The argument filling the exchange parameter `parameter`.
    func argument(forParameter parameter: String) -> ArgumentSpec? {
        arguments.first { $0.parameter == parameter }
    }
}
