/// The result of completing the word before the cursor.
package struct Completion: Equatable, Sendable {
    /// The word being completed, as typed (it is replaced by `replacement`).
    package var word: String
    /// Every full text the word could become, sorted.
    package var candidates: [String]
    /// What the word becomes now: the single candidate (with a trailing space when the word is
    /// finished), or the longest prefix all candidates share.
    package var replacement: String
    /// What to list for each candidate when they differ from it (`id=28  SELL 1.00000000`);
    /// nil lists the candidates.
    package var labels: [String]?

    package init(word: String, candidates: [String], replacement: String, labels: [String]? = nil) {
        self.word = word
        self.candidates = candidates
        self.replacement = replacement
        self.labels = labels
    }

    /// Nothing to offer.
    package static func none(_ word: String) -> Completion {
        Completion(word: word, candidates: [], replacement: word)
    }

    /// Whether the candidates should be listed: more than one, and typing cannot advance.
    package var shouldList: Bool { candidates.count > 1 && replacement == word }
}
