/// How a script's output is printed.
public enum RenderFormat: String, Sendable, Hashable, CaseIterable {
    /// For people: aligned fields, tables, the dry-run block.
    case text
    /// For programs: one JSON value per line.
    case json
}
