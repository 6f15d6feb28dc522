import BinanceAPI

/// How one check of `bnc doctor` came out.
package enum DoctorStatus: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Nothing to do.
    case ok
    /// Works, but is likely to bite later (a small recvWindow margin, the demo key on a real endpoint).
    case warning
    /// Signed requests will fail (or already do) until it is fixed.
    case problem

    private var rank: Int {
        switch self {
        case .ok: return 0
        case .warning: return 1
        case .problem: return 2
        }
    }

    package static func < (lhs: DoctorStatus, rhs: DoctorStatus) -> Bool { lhs.rank < rhs.rank }
}

/// One line of the doctor's report: what was checked, how it came out, what was seen, and the
/// fix when there is something to fix. A value, so each check is tested on its own and the
/// report is rendered as text or JSON separately.
package struct DoctorCheck: Sendable, Hashable {
    /// The short name shown first: `clock`, `key`, `weight`, `endpoint`, `isolated LTCBTC`.
    package var name: String
    package var status: DoctorStatus
    /// What was seen, in one line (may hold text from the server: escaped when rendered).
    package var detail: String
    /// What to do about it; nil when the status is ok.
    package var fix: String?

    package init(_ name: String, _ status: DoctorStatus, _ detail: String, fix: String? = nil) {
        self.name = name
        self.status = status
        self.detail = detail
        self.fix = fix
    }
}
