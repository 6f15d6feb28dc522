import Script

/// `--set name=value` options: script parameters.
enum ScriptVariables {
    /// Parses `name=value` pairs; values are read like bare words (`28` is an integer).
    static func parse(_ assignments: [String]) throws(ExecutionSetup.SetupError) -> [String: Value] {
        var variables: [String: Value] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw ExecutionSetup.SetupError(
                    message: "--set '\(assignment)' is not name=value", hint: "e.g. --set sym=BTCUSDT")
            }
            let name = String(assignment[..<equals])
            guard let first = name.first, first == "_" || (first.isASCII && first.isLetter),
                name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) })
            else {
                throw ExecutionSetup.SetupError(
                    message: "--set: '\(name)' is not a valid variable name",
                    hint: "names are letters, digits and '_', starting with a letter or '_'")
            }
            variables[name] = Value(literal: String(assignment[assignment.index(after: equals)...]))
        }
        return variables
    }
}
