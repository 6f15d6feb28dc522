/// The `Shell` layer of bnc (see DESIGN.md).
public enum ShellModule { public static let name = "Shell" }
