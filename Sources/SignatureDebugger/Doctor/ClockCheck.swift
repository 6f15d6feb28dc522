import BinanceAPI

/// The clock check: this machine's offset to the exchange and the round trip, against the
/// exchange's acceptance window — a timestamp at most 1000 ms ahead of the server and at most
/// recvWindow behind it (-1021 otherwise).
package enum ClockCheck {
    /// The check for one `GET /api/v3/time` sample taken with this machine's wall clock.
    package static func check(_ sample: ClockSample, recvWindow: Int) -> DoctorCheck {
        let offset = sample.offset
        let roundTrip = sample.roundTrip
        let measured =
            "offset \(offset > 0 ? "+" : "")\(offset) ms (\(direction(offset))), round trip \(roundTrip) ms, recvWindow \(recvWindow) ms"
        let sync = "sync this machine's clock (timedatectl set-ntp true, or chronyc makestep)"
        guard sample.isPlausible else {
            return DoctorCheck(
                "clock", .problem, "the exchange's time is more than a day from this machine's: \(measured)",
                fix: "the answer is not a clock skew bnc will use; check the endpoint, then \(sync)")
        }
        // A request stamped now by this machine arrives after about half the round trip; the
        // exchange compares it with its own clock then.
        let window = Int64(recvWindow)
        let lateBy = offset.addingSaturated(roundTrip / 2) // how far behind the exchange the stamp is on arrival
        if offset < -1000 {
            return DoctorCheck(
                "clock", .problem, "this machine is more than 1000 ms ahead of the exchange: \(measured)",
                fix: "\(sync); every request is -1021 'ahead of the server's time' until then (bnc resyncs once per -1021)")
        }
        if lateBy > window {
            return DoctorCheck(
                "clock", .problem, "a request stamped by this machine is older than recvWindow on arrival: \(measured)",
                fix: "\(sync); every request is -1021 'outside of the recvWindow' until then (bnc resyncs once per -1021)")
        }
        if offset < -500 || lateBy > window / 2 {
            return DoctorCheck(
                "clock", .warning, "little margin before -1021: \(measured)",
                fix: "\(sync), or raise recvWindow in the profile (at most 60000)")
        }
        return DoctorCheck("clock", .ok, measured)
    }

    /// The check when the exchange's time could not be learned.
    package static func unreachable(_ reason: String) -> DoctorCheck {
        DoctorCheck(
            "clock", .problem, "could not ask the exchange's time: \(reason)",
            fix: "see the endpoint line; the clock is checked once GET /api/v3/time answers")
    }

    static func direction(_ offset: Int64) -> String {
        switch offset {
        case 0: return "the clocks agree"
        case 1...: return "this machine is behind the exchange"
        default: return "this machine is ahead of the exchange"
        }
    }
}
