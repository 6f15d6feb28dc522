import BinanceAPI
import Script
import SignatureDebugger

extension InteractiveShell {
    /// `doctor [SYMBOL …]`: `bnc doctor`'s checks over this session's client — its endpoint,
    /// key, recvWindow and weight budget — each given symbol checked on the isolated account too.
    func runDoctor(_ symbols: [String]) async {
        guard let client = (session.host as? ClientHost)?.client else {
            reportError("doctor sends requests: `dry off` first (a dry run sends nothing)")
            return
        }
        for symbol in symbols {
            do {
                try ParameterRules.symbol(symbol.uppercased())
            } catch {
                reportError("doctor \(TerminalText.escaped(symbol)): \(error.message)")
                return
            }
        }
        let profile = ConnectionProfile.defaultPath().flatMap { try? ConnectionProfile.load(path: $0) } ?? ConnectionProfile()
        let key = DoctorKey.signing(
            client.builder.credentials, profile: profile, isLive: LiveEndpoint.isLive(baseURL: client.transport.baseURL))
        let doctor = Doctor(
            client: client, key: key, endpoint: DoctorEndpoint(transport: client.transport),
            recvWindow: client.builder.recvWindow, symbols: symbols.map { DoctorSymbol($0, isolated: true) })
        TerminalOutput.write(await doctor.run().text + "\n")
    }
}
