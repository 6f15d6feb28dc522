/// How a script's output is printed.
package enum RenderFormat: String, Sendable, Hashable, CaseIterable {
    /// For people: aligned fields, tables, the dry-run block.
    case text
    /// For programs: one JSON value per line.
    case json
}
