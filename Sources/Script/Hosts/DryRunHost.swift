import BinanceAPI

/// Prepares and signs each operation exactly as it would be sent, and sends nothing.
///
/// The value a dry-run command produces is a record of the request: `method`, `path`, `query`,
/// `signature`, `url` and the rest of `PreparedRequest.dryRunJSON(baseURL:)`.
package struct DryRunHost: OperationHost {
    package var builder: RequestBuilder
    package var clock: ExchangeClock
    /// The base URL shown in the printed URL.
    package var baseURL: String
    package var isDryRun: Bool { true }
    /// `sim` statements are refused in a dry run; a check that runs nothing itself (the check
    /// before a run, whose session checks again with its own host) sets nil.
    package var simulatorRefusal: String? = "a dry run sends nothing"

    package init(credentials: Credentials?, clock: ExchangeClock, baseURL: String) {
        // The spot testnet's refusals hold for a dry run too: it prints what would be sent.
        self.builder = RequestBuilder(credentials: credentials, baseURL: baseURL)
        self.clock = clock
        self.baseURL = baseURL
    }

    package func perform<Operation: ExchangeOperation>(_ operation: Operation) async throws(ClientError) -> OperationReply {
        try reply(to: operation)
    }

    /// ``perform(_:)`` without suspending: a dry run never waits, so the interpreter calls this
    /// directly and a loop of a million statements makes no async call per request.
    package func reply<Operation: ExchangeOperation>(to operation: Operation) throws(ClientError) -> OperationReply {
        let request: PreparedRequest
        do {
            request = try builder.prepare(operation, timestamp: clock.now())
        } catch {
            throw .request(error)
        }
        return OperationReply(dryRun: request, baseURL: baseURL)
    }

    /// ``reply(to:)`` for an operation the interpreter's binding has validated already (its
    /// command plan or binder ran `validate()`): `validate()` is not run a second time.
    package func reply<Operation: ExchangeOperation>(toValidated operation: Operation) throws(ClientError) -> OperationReply {
        OperationReply(dryRun: try request(toValidated: operation), baseURL: baseURL)
    }

    /// The request ``reply(toValidated:)`` holds, without the reply: what the interpreter hands
    /// the printer for a dry-run statement whose value nobody binds.
    package func request<Operation: ExchangeOperation>(toValidated operation: Operation) throws(ClientError) -> PreparedRequest {
        do {
            return try builder.prepare(validated: operation, timestamp: clock.now())
        } catch {
            throw .request(error)
        }
    }
}
