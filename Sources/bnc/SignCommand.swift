import ArgumentParser
import BinanceAPI

/// `bnc sign 'QUERY'`: signs a raw query string, byte for byte as given, with the configured key.
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a raw query string with the configured key and print the signature.",
        discussion: """
            The query is signed exactly as given (no re-encoding, no reordering), so the signature can be \
            compared with another client's. The key comes from BINANCE_API_KEY with BINANCE_API_SECRET or \
            BINANCE_PRIVATE_KEY_FILE; without them, the demo key of the exchange's documentation is used.
            """
    )

    @Argument(help: "The query string as your client signs it, e.g. 'symbol=LTCBTC&orderId=28&timestamp=1499827319559'.")
    var query: String

    // The root's options (shared so that `bnc sign --output json` reaches this command).
    @OptionGroup var globalOptions: GlobalOptionArguments
    var options: GlobalOptions { globalOptions.values }

    func run() throws {
        try Termination.reporting(format: options.output) { () throws(Termination) in try sign() }
    }

    /// Prints the signature; unusable credentials are a usage error (nothing is signed).
    private func sign() throws(Termination) {
        let credentials: Credentials
        do {
            credentials = try Credentials.fromEnvironment() ?? DemoCredentials.hmac
        } catch {
            throw .usage(error)
        }
        if query.hasPrefix("?") || query.contains("signature=") {
            Console.warning("the query contains '?' or 'signature=': they are signed as given")
        }
        let signature = credentials.signer.sign(query)
        switch options.output {
        case .text:
            Console.out(signature.text)
        case .json:
            var object = JSONObject()
            object["query"] = .string(query)
            object["signature"] = .string(signature.text)
            object["urlValue"] = .string(signature.urlValue)
            object["keyType"] = .string(signature.keyType.rawValue)
            object["apiKey"] = .string(credentials.maskedAPIKey)
            object["keySource"] = .string(credentials.source)
            Console.out(JSONValue.object(object).serialized)
        }
    }
}
