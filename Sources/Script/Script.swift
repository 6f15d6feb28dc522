/// The `Script` layer of bnc (see DESIGN.md).
public enum ScriptModule { public static let name = "Script" }
