/// The example key pair from the exchange's own signing documentation.
///
/// bnc uses it for the embedded simulator and for dry runs with no key configured, so that the
/// output of a dry run can be checked against the documented worked example. It has no value on
/// the real exchange.
public enum DemoCredentials {
    /// The documented example API key.
    public static let apiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
    /// The documented example secret. Public knowledge; never a real account's.
    public static let secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"

    /// HMAC credentials over the example key.
    public static var hmac: Credentials {
        Credentials(apiKey: apiKey, signer: RequestSigner(hmacSecret: secret), source: "demo")
    }
}
