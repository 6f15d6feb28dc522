import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// How text output is laid out for people. JSON output ignores all of it.
package struct RenderOptions: Sendable, Equatable {
    /// Which fields of a known result type are shown.
    package enum Columns: String, Sendable, CaseIterable {
        /// The compact set of each result type (for orders: orderId, clientOrderId, side, type,
        /// price, origQty, executedQty, status, time); unknown records show every field.
        case `default`
        /// Every field the exchange sent.
        case all
    }

    /// How times (ms since the epoch in fields such as `time`) are shown.
    package enum TimeZoneChoice: String, Sendable, CaseIterable {
        /// This machine's time zone (`TZ`), e.g. `2026-01-01 01:00:00`.
        case local
        /// UTC, marked with a `Z`: `2026-01-01 00:00:00Z`.
        case utc
    }

    package var columns: Columns
    package var time: TimeZoneChoice
    /// The terminal's width: a table wider than this is shown as expanded records (one field per
    /// line) and long values are wrapped at word boundaries. Nil when output is not a terminal:
    /// nothing is fitted.
    package var width: Int?
    /// Whether a result taller than the terminal goes through the pager (the shell only).
    package var pager: Bool

    package init(columns: Columns = .default, time: TimeZoneChoice = .local, width: Int? = nil, pager: Bool = false) {
        self.columns = columns
        self.time = time
        self.width = width
        self.pager = pager
    }
}

/// Render options shared between the shell (which changes them: `set columns all`, a resized
/// terminal, a statement ending in `wide`) and the printer that reads them for every output.
package final class DisplaySettings: Sendable {
    private let stored: Mutex<RenderOptions>
    private let widthSource: (@Sendable () -> Int?)?

    /// - Parameter width: asked for the terminal's width at each output (it may have been
    ///   resized); nil keeps `options.width`.
    package init(_ options: RenderOptions = RenderOptions(), width: (@Sendable () -> Int?)? = nil) {
        stored = Mutex(options)
        widthSource = width
    }

    /// The options for the next output.
    package var options: RenderOptions {
        get {
            var options = stored.withLock { $0 }
            // Asked outside the lock: it is a system call, and it may be slow.
            if let widthSource { options.width = widthSource() }
            return options
        }
        set {
            stored.withLock { $0 = newValue }
        }
    }

    /// Changes the options in place.
    package func update(_ change: (inout RenderOptions) -> Void) {
        stored.withLock { change(&$0) }
    }
}
