/// What the shell is told at start: where statements go, how output looks, and the values
/// history must never hold.
package struct ShellSettings: Sendable {
    /// The endpoint's short name for the prompt: `sim`, `live`, or a URL.
    package var endpointName: String
    /// Whether statements start out dry-run.
    package var dryRun: Bool
    /// Colour on standard output (a terminal, and NO_COLOR unset).
    package var colour: Bool
    /// Colour on standard error, for diagnostics.
    package var errorColour: Bool
    /// The process environment (history location, EDITRC is read by libedit itself).
    package var environment: [String: String]
    /// Configured secret values (API secret, private key text): never written to history.
    package var secretValues: [String]
    /// The most history entries kept.
    package var historyCapacity: Int
    /// The ``UserSetting``s at start (the profile's); `set` changes them.
    package var preferences: ShellPreferences
    /// Render options shared with the session's printer; the shell keeps them in step with
    /// ``preferences`` and the terminal's width.
    package var display: DisplaySettings
    /// Whether `--yes` was given: statements that cancel several live orders do not ask.
    package var assumeYes: Bool

    package init(
        endpointName: String, dryRun: Bool, colour: Bool, errorColour: Bool, environment: [String: String],
        secretValues: [String], historyCapacity: Int = 2000, preferences: ShellPreferences = ShellPreferences(),
        display: DisplaySettings = DisplaySettings(), assumeYes: Bool = false
    ) {
        self.preferences = preferences
        self.display = display
        self.assumeYes = assumeYes
        self.endpointName = endpointName
        self.dryRun = dryRun
        self.colour = colour
        self.errorColour = errorColour
        self.environment = environment
        self.secretValues = secretValues
        self.historyCapacity = historyCapacity
    }
}
