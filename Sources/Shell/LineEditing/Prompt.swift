/// The prompt: where statements go and how, so the user never has to guess —
/// `bnc(sim)> `, `bnc(live)> `, `bnc(sim,dry-run)> `, with `set weight on` `bnc(live 120/12000)> ` — and the continuation prompt of the same
/// width for the lines of an open block.
package struct Prompt: Equatable, Sendable {
    /// The endpoint's short name: `sim`, `live`, or a URL.
    package var endpoint: String
    /// Whether statements are dry-run (printed, not sent).
    package var dryRun: Bool
    /// Whether to colour the prompt (a terminal, and NO_COLOR unset).
    package var colour: Bool
    /// The used request weight of the window, `120/12000`, when `set weight on` shows it.
    package var weight: String?

    package init(endpoint: String, dryRun: Bool, colour: Bool) {
        self.endpoint = endpoint
        self.dryRun = dryRun
        self.colour = colour
    }

    /// The marker libedit uses (EL_PROMPT_ESC) to bracket escape sequences that take no room.
    package static let literalMarker: Character = "\u{1}"

    /// The prompt's visible text, e.g. `bnc(sim,dry-run)> `.
    package var plain: String {
        "bnc(\(mode))> "
    }

    /// The continuation prompt: as wide as the prompt, ending in `...> `.
    package var continuationPlain: String {
        let marker = "...> "
        let width = plain.count
        return String(repeating: " ", count: max(0, width - marker.count)) + marker
    }

    /// The prompt as handed to libedit: coloured escapes wrapped in `literalMarker`.
    package var primary: String { decorate(plain) }

    /// The continuation prompt as handed to libedit.
    package var continuation: String { decorate(continuationPlain) }

    private var mode: String {
        let base = dryRun ? "\(endpoint),dry-run" : endpoint
        return weight.map { base + " " + $0 } ?? base
    }

    /// Live sends real orders: it is red; dry runs are yellow; the simulator is green.
    private func decorate(_ text: String) -> String {
        guard colour else { return text }
        let colourCode = dryRun ? "33" : (endpoint == "sim" ? "32" : "31")
        let marker = String(Self.literalMarker)
        return marker + "\u{1B}[1;\(colourCode)m" + marker + text + marker + "\u{1B}[0m" + marker
    }
}
