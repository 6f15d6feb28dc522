/// Where in a script a request comes from, when that is not simply "next in order".
///
/// Requests made inside a `parallel N for` loop are sent in whatever order the iterations reach
/// the network, so a session log cannot be replayed by position alone. The interpreter sets
/// ``current`` for each parallel iteration (`"3:1#17"`: the loop's line and column and the
/// iteration number, counted from 1; nested loops joined by `/`); the session log records it
/// with each request, and replay serves each request the recorded one with the same origin.
/// Outside parallel loops it is nil and requests match in order.
public enum RequestOrigin {
    /// The origin of requests made by the current task.
    @TaskLocal public static var current: String?

    /// The origin for iteration `iteration` of the parallel loop at `line`:`column`, inside
    /// `enclosing` (the current origin, for nested loops).
    public static func iteration(_ iteration: Int64, line: Int, column: Int, enclosing: String?) -> String {
        let own = "\(line):\(column)#\(iteration)"
        guard let enclosing else { return own }
        return enclosing + "/" + own
    }
}
