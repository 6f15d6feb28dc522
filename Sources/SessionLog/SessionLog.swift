/// The `SessionLog` layer of bnc (see DESIGN.md).
public enum SessionLogModule { public static let name = "SessionLog" }
