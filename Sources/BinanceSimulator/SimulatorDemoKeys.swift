import BinanceAPI

/// The simulator's demo keys: the exchange documentation's example HMAC key, and an Ed25519 and
/// an RSA key pair generated for bnc's simulator (`openssl genpkey`, 2026).
///
/// All of them are public and demo-only: they are printed by `bnc sim`, written to disk with
/// `bnc sim --write-demo-keys DIR`, and mean nothing on the real exchange. The three API keys
/// belong to the same demo account, so a script sees the same open orders whichever key it signs
/// with.
public enum SimulatorDemoKeys {
    /// The demo HMAC API key (the exchange documentation's example key).
    public static let hmacAPIKey = DemoCredentials.apiKey
    /// The demo HMAC secret (the exchange documentation's example secret; public).
    public static let hmacSecret = DemoCredentials.secret

    /// The API key registered with the demo Ed25519 public key.
    public static let ed25519APIKey = "qRKYu2RGR4kaTmKuMaGRw7zjJe4hs7knErRnK3QG6k65MxgBB8MsknbTwSfNFXEk"
    /// The demo Ed25519 private key (PKCS#8 PEM). Demo only; public.
    public static let ed25519PrivateKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MC4CAQAwBQYDK2VwBCIEILHGsu0IoKhLTsNdtnn1rXQUB83iJyNYduIGOWn3nRlX
        -----END PRIVATE KEY-----
        """
    /// The demo Ed25519 public key (SubjectPublicKeyInfo PEM).
    public static let ed25519PublicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MCowBQYDK2VwAyEAWNGA/YUN1/0VqTJBbC0JID+rS6lRD3jgrVg1EFno4Uk=
        -----END PUBLIC KEY-----
        """

    /// The API key registered with the demo RSA public key.
    public static let rsaAPIKey = "Dx4YV613oL6uGVGbndl2WjfftrGp5azcVmcHiNJQ3EwJCM8LZo8XKpWX83BMfpb1"
    /// The demo RSA 2048 private key (PKCS#8 PEM). Demo only; public.
    public static let rsaPrivateKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCvFU8Jvorn1/GO
        kLNWZwiVNQgfW3CeWnCHQ7EOxaTf0VPjhUvJGLEcFDBKJUIUGyWnMoJuP7yKWhZV
        0LYMEU5Lg4qL+u5F3jEYbsBVc/ReG/mn3KUnAUMgN4tvQd04ccfMQghe2GvIgXaL
        S1OxVoZSKXJrJlZsMKFmLpssLzM1fWxU6e/y4sNtWMQF1fVBB7jJyFO2MPQxTkRM
        visksxQCUWlz0uRsaGV6BOQwn/4m8etz+H2NcJHkOFxto+954gv0YDoifSWrD0gB
        5ifD3/HWcELhrXHnOAE5Ovg5UCEm2Ak+RjFmQHel+lnpXq6xcSq3bToMTIbGsTWE
        qC86lLGTAgMBAAECggEAENtZMJknBZBod5nzR6fZjzK7v/fNUtRmo4H/G5V9kiEK
        KyHhJzuYiG63LC8EetbBnCSZozoWvIP/mi6N6yvatnGJQYCc4p7fFOOg4qQB4fJe
        lJdX/UvlUHDt8f3M6fYmeZeH98hthDCsHwLXIYAGTwXM4t0ePVdnSrpvrTmJfCZD
        nneR/2oxmjN3PAo0GPYneG2LrK0NE4guinut6lIMQTv7JYe21PfC5u4uBFep52qt
        Jts6KqCIUXmQHqtSMcDLK3mKGQF+DZh+WxTnD6J7L7NdpLYEtEOQEWlJam4F9EJN
        I8YV1JU0NYsfpo0NBsg2i5FGLv+RIYLjUEmwRvkzEQKBgQDcnHsiGVlR1+3WJDq1
        IXsRJjmzlw8RNQztPbQJsu+jeQN182K8MeZkMy+0kWcQ1IwilxGwkdcQPr7BbX89
        7/f1TggWt137DJyQ9kuSvL/Twh7G350ls9K3T8bUdcRxFOpDjtf8qHA2HHOQ4Kv7
        H0YLio6obDh5Mqt7mEz/IsPhYwKBgQDLKzIHfu7IuOGaj333OsvsF+b8ewnFJ7Xh
        B39ykTprZIDVMbwgVHoEhXqO17RIH+VvAJNe/gvP9nlpjEJ9+5U+LQiTE47NuE3I
        h1R3+GVw+uQtZcFJtSqmOFnc82wwSrf6d0N1qaegDxoLqLKOagbS78aii882GWvH
        Fp/85gx+EQKBgQDbrca/kdZrtUVUdAcxzwEpdpMGzmlmjRkuNL9O2Svf8OUNUysC
        k/4D0SSz/gZPsBdLantnBBLQTmrNWifWmVqknutXE4k2MLzHbTqcB/BNAYR8LLfj
        j0lI2Nv5PLw8jsMoOtnA8kmq2HIL1m3rRp0NaQ/djsY9icNQ87vYY9oCWQKBgDqg
        EUSmdQLIjpkJ9OBFQBi1YPrUCiKw7cOsZTNLAt+AVcivHEj792WcmpvjVGtHgO4B
        7YSIrCHrTmeNiJZP5WXWmtXN2/QyzYcivdYMgEEUtIkBBsBdHZxvQEcImtxogyQs
        C/RE61C9ateYa0W7BJMTi27WBwnmVfpR5gKU41/xAoGBANhcZ6on3+EhDWhr6d9S
        gGs6H8xWly8BHJtUn79pVLVYuEpLBtMLkMoywGjjkDNTcjssvf0ksOoLKKEZy+U8
        47unoTF8u44KJ4nEblqEv7Nyd0K4b8z3tIE2Z5O6P/NnEHgTzaL45MGmFapNCN95
        W6B0eooBjnWenTmN+VGXxfTx
        -----END PRIVATE KEY-----
        """
    /// The demo RSA public key (SubjectPublicKeyInfo PEM).
    public static let rsaPublicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArxVPCb6K59fxjpCzVmcI
        lTUIH1twnlpwh0OxDsWk39FT44VLyRixHBQwSiVCFBslpzKCbj+8iloWVdC2DBFO
        S4OKi/ruRd4xGG7AVXP0Xhv5p9ylJwFDIDeLb0HdOHHHzEIIXthryIF2i0tTsVaG
        UilyayZWbDChZi6bLC8zNX1sVOnv8uLDbVjEBdX1QQe4ychTtjD0MU5ETL4rJLMU
        AlFpc9LkbGhlegTkMJ/+JvHrc/h9jXCR5DhcbaPveeIL9GA6In0lqw9IAeYnw9/x
        1nBC4a1x5zgBOTr4OVAhJtgJPkYxZkB3pfpZ6V6usXEqt206DEyGxrE1hKgvOpSx
        kwIDAQAB
        -----END PUBLIC KEY-----
        """

    /// The account the demo keys belong to.
    public static let accountName = "demo"
}
