/// The `SignatureDebugger` layer of bnc (see DESIGN.md).
public enum SignatureDebuggerModule { public static let name = "SignatureDebugger" }
