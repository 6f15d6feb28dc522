import BinanceAPI

/// One command of the language: its name, arguments, help text, and how its converted arguments
/// become a typed ``ExchangeOperation``.
///
/// The entry binds words to one operation type and keeps that type's ``EndpointDescription``
/// (``operationEndpoint``): help, completion, the dry run, `bnc explain`'s documented order and
/// the session log all read the endpoint from here or from the operation, never from a list
/// of their own. Entries live in ``CommandCatalog/standard``; see there how to add one.
public struct CommandEntry: Sendable {
    /// The word that starts the statement: `cancel`.
    public var name: String
    /// One line: what the command does.
    public var summary: String
    /// The syntax line: `cancel SYMBOL (id=N | cid=TEXT) [isolated] [newcid=TEXT] [recv=MS]`.
    public var syntax: String
    /// A statement that works, for help and completion.
    public var example: String
    /// Longer help: rules, what the result holds.
    public var description: String
    /// Positional arguments first, in order, then named arguments and flags.
    public var arguments: [ArgumentSpec]
    /// The operation's endpoint: method, path, weight, title, documented parameter order.
    public var operationEndpoint: EndpointDescription
    /// Builds the typed operation from converted arguments (validation happens afterwards).
    let makeOperation: @Sendable (ArgumentValues) -> any ExchangeOperation

    /// An entry for `Operation`: the endpoint comes from the operation type.
    public init<Operation: DocumentedOperation>(
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

    /// The endpoint, e.g. `DELETE /sapi/v1/margin/order`.
    public var endpoint: String { operationEndpoint.line }

    /// The operation's title, e.g. "margin cancel".
    public var operationTitle: String { operationEndpoint.title }

    /// The typed operation for `values` (not yet validated).
    public func operation(_ values: ArgumentValues) -> any ExchangeOperation {
        makeOperation(values)
    }

    /// The argument answering to `name` (its name or an alias).
    public func argument(named name: String) -> ArgumentSpec? {
        arguments.first { $0.allNames.contains(name) }
    }

    /// The positional arguments, in order.
    public var positionalArguments: [ArgumentSpec] { arguments.filter(\.isPositional) }

    /// The argument filling the exchange parameter `parameter`.
    func argument(forParameter parameter: String) -> ArgumentSpec? {
        arguments.first { $0.parameter == parameter }
    }
}
