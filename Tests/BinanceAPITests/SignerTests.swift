import BNCTestSupport
import Foundation
import Testing

@testable import BinanceAPI

/// The signers against the exchange's documented examples and against `openssl`.
@Suite struct SignerTests {
    static let documentedQuery =
        "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"

    @Test func theDocumentedHMACExample() {
        let signature = RequestSigner(hmacSecret: DemoCredentials.secret).sign(Self.documentedQuery)
        #expect(signature.text == "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")
        #expect(signature.keyType == .hmac)
        #expect(signature.urlValue == signature.text)
    }

    @Test func theDocumentedMixedQueryAndBodyExample() {
        let totalParams =
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"
            + "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
        #expect(
            RequestSigner(hmacSecret: DemoCredentials.secret).sign(totalParams).text
                == "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77")
    }

    @Test(arguments: ["", "a", "symbol=币安人生USDT&x=%2B", String(repeating: "0123456789", count: 40)])
    func hmacAgreesWithOpenSSL(_ payload: String) throws {
        let signer = RequestSigner(hmacSecret: DemoCredentials.secret)
        // The signer's key state is reused between calls: signing twice must not change the result.
        #expect(signer.sign(payload) == signer.sign(payload))
        #expect(signer.sign(payload).text == (try OpenSSL.hmac(payload, secret: DemoCredentials.secret)))
    }

    @Test func ed25519FromAnOpenSSLKeyAgreesWithOpenSSL() throws {
        let key = try OpenSSL.generateKey("ED25519")
        defer { try? FileManager.default.removeItem(atPath: key.path) }
        let signer = try RequestSigner(pem: key.pem)
        #expect(signer.keyType == .ed25519)
        for payload in [Self.documentedQuery, "symbol=%E5%B8%81&timestamp=1"] {
            let signature = signer.sign(payload)
            #expect(signature.text == (try OpenSSL.ed25519Sign(payload, keyPath: key.path)))
            #expect(Data(base64Encoded: signature.text)?.count == 64)
        }
    }

    @Test(arguments: [false, true])
    func rsaFromAnOpenSSLKeyAgreesWithOpenSSL(pkcs1: Bool) throws {
        let key = try OpenSSL.generateKey("RSA")
        defer { try? FileManager.default.removeItem(atPath: key.path) }
        var pem = key.pem
        if pkcs1 {
            pem = String(decoding: try OpenSSL.run(["rsa", "-in", key.path, "-traditional"]), as: UTF8.self)
            #expect(pem.contains("BEGIN RSA PRIVATE KEY"))
        }
        let signer = try RequestSigner(pem: pem)
        #expect(signer.keyType == .rsa)
        let signature = signer.sign(Self.documentedQuery)
        #expect(signature.text == (try OpenSSL.rsaSign(Self.documentedQuery, keyPath: key.path)))
        #expect(Data(base64Encoded: signature.text)?.count == 256)
    }

    @Test func base64SignaturesArePercentEncodedInTheURL() {
        let signature = Signature(text: "ab+/cd==", keyType: .ed25519)
        #expect(signature.urlValue == "ab%2B%2Fcd%3D%3D")
        let documentedRSA =
            "HZ8HOjiJ1s/igS9JA+n7+7Ti/ihtkRF5BIWcPIEluJP6tlbFM/Bf44LfZka/iemtahZAZzcO9TnI5uaXh3++lrqtNonCwp6/245UFWkiW1"
            + "elpgtVAmJPbogcAv6rSlokztAfWk296ZJXzRDYAtzGH0gq7CgSJKfH+XxaCmR0WcvlKjNQnp12/eKXJYO4tDap8UCBLuyxDnR7oJKLHQHJLP0"
            + "r0EAVOOSIbrFang/1WOq+Jaq4Efc4XpnTgnwlBbWTmhWDR1pvS9iVEzcSYLHT/fNnMRxFc7u+j3qI//5yuGuu14KR0MuQKKCSpViieD+fIti46"
            + "sxPTsjSemoUKp0oXA=="
        let documentedURLValue =
            "HZ8HOjiJ1s%2FigS9JA%2Bn7%2B7Ti%2FihtkRF5BIWcPIEluJP6tlbFM%2FBf44LfZka%2FiemtahZAZzcO9TnI5uaXh3%2B%2BlrqtNonCwp6"
            + "%2F245UFWkiW1elpgtVAmJPbogcAv6rSlokztAfWk296ZJXzRDYAtzGH0gq7CgSJKfH%2BXxaCmR0WcvlKjNQnp12%2FeKXJYO4tDap8UCBLuy"
            + "xDnR7oJKLHQHJLP0r0EAVOOSIbrFang%2F1WOq%2BJaq4Efc4XpnTgnwlBbWTmhWDR1pvS9iVEzcSYLHT%2FfNnMRxFc7u%2Bj3qI%2F%2F5yu"
            + "Guu14KR0MuQKKCSpViieD%2BfIti46sxPTsjSemoUKp0oXA%3D%3D"
        // The exchange's RSA example: its signature and the URL form the docs give for it.
        #expect(Signature(text: documentedRSA, keyType: .rsa).urlValue == documentedURLValue)
    }

    @Test func unusableKeysAreTypedErrors() throws {
        #expect(throws: CredentialsError.self) { try RequestSigner(pem: "not a key") }
        let weak = try OpenSSL.generateKey("RSA", bits: 1024)
        defer { try? FileManager.default.removeItem(atPath: weak.path) }
        #expect(throws: CredentialsError.self) { try RequestSigner(pem: weak.pem) }
    }

    @Test func descriptionsHideTheKey() throws {
        let key = try OpenSSL.generateKey("ED25519")
        defer { try? FileManager.default.removeItem(atPath: key.path) }
        let signer = try RequestSigner(pem: key.pem)
        let body = key.pem.split(separator: "\n")[1]
        #expect(!String(describing: signer).contains(body))
        #expect(!String(reflecting: signer).contains(body))
        #expect(!String(describing: RequestSigner(hmacSecret: DemoCredentials.secret)).contains(DemoCredentials.secret))
    }
}
