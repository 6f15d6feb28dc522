import Script

extension InteractiveShell {
    /// Performs a shell command.
    func perform(_ command: ShellCommand) {
        switch command {
        case .help(let topic):
            TerminalOutput.write(TextWrapper.wrapColumns(helpText(topic), width: terminalWidth) + "\n")
        case .vars:
            TerminalOutput.write(variablesText())
        case .dry(let enable):
            switchDryRun(enable)
        case .history(let last):
            let listing = history.listing(last: last)
            TerminalOutput.write(listing.isEmpty ? "(no history yet)\n" : listing + "\n")
        case .clear:
            if TerminalOutput.isTerminal(1) { TerminalOutput.write("\u{1B}[H\u{1B}[2J") }
        case .exit:
            shouldExit = true
        case .why:
            TerminalOutput.write(WhyCommand.text(for: lastExchangeErrorCode) + "\n")
        case .run, .weight, .doctor:
            // They await the session, so `execute` handles them.
            break
        case .set(let name, let value):
            guard let name, let value else {
                TerminalOutput.write(TextWrapper.wrapColumns(preferences.listing, width: terminalWidth) + "\n")
                return
            }
            if let problem = preferences.set(name, value) {
                reportError(problem)
                return
            }
            applyPreferences()
            if name == "weight" { prompt.weight = preferences.weight ? prompt.weight ?? "0/0" : nil }
            TerminalOutput.write("\(name) \(value)\n")
        }
    }

    /// `weight`: the used weight of each limit's window.
    func showWeight() async {
        guard let state = await WeightReport.state(of: session) else {
            TerminalOutput.write("dry run: nothing is sent, no weight is used\n")
            return
        }
        TerminalOutput.write(WeightReport.lines(state) + "\n")
    }

    /// With `set weight on`, the prompt shows the used weight after each statement.
    func refreshWeight() async {
        guard preferences.weight else {
            prompt.weight = nil
            return
        }
        guard let state = await WeightReport.state(of: session) else {
            prompt.weight = nil
            return
        }
        prompt.weight = WeightReport.promptText(state)
    }

    private func helpText(_ topic: String?) -> String {
        guard let topic else { return HelpText.overview(catalog) }
        if let text = HelpText.command(topic, in: catalog) ?? HelpText.shellCommand(topic) { return text }
        if CommandCatalog.statementKeywords.contains(topic) {
            return "'\(topic)' is a statement of the language; docs/language.md describes it."
        }
        return Suggestion.message(forUnknown: topic, among: catalog.statementStarters + ShellCommand.names)
    }

    /// `name = value` per variable, values as JSON so strings, numbers and records are unambiguous.
    private func variablesText() -> String {
        let names = session.variableNames
        guard !names.isEmpty else { return "(no variables yet; `let name = value` defines one)\n" }
        let width = names.map(\.count).max() ?? 0
        return names.compactMap { name in
            guard let value = session.variable(name) else { return nil }
            return "$" + name + String(repeating: " ", count: width - name.count) + " = " + value.json.serialized + "\n"
        }.joined()
    }

    /// `dry on|off`: a new session of the other kind with the same variables; the prompt follows.
    private func switchDryRun(_ enable: Bool?) {
        guard let enable else {
            TerminalOutput.write(
                settings.dryRun
                    ? "dry run is on: requests are printed, not sent\n"
                    : "dry run is off: requests are sent to \(settings.endpointName)\n")
            return
        }
        guard enable != settings.dryRun else {
            TerminalOutput.write("dry run is already \(enable ? "on" : "off")\n")
            return
        }
        var variables: [String: Value] = [:]
        for name in session.variableNames {
            if let value = session.variable(name) { variables[name] = value }
        }
        do {
            session = try makeSession(enable, interrupt, variables)
        } catch let error as SessionUnavailable {
            reportError(error.message, hint: error.hint)
            return
        } catch {
            reportError("\(error)")
            return
        }
        settings.dryRun = enable
        prompt.dryRun = enable
        TerminalOutput.write(
            enable
                ? "dry run on: requests are printed, not sent\n" : "dry run off: requests are sent to \(settings.endpointName)\n")
    }
}
