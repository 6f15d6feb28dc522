#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The size of the terminal a descriptor is on, asked from the kernel (TIOCGWINSZ) each time, so
/// a resized window is seen at the next output.
package struct TerminalSize: Sendable, Equatable {
    package var columns: Int
    package var rows: Int

    /// The size of the terminal `descriptor` is on; nil when it is not a terminal (or reports
    /// no size).
    package static func of(_ descriptor: Int32) -> TerminalSize? {
        guard isatty(descriptor) == 1 else { return nil }
        var size = winsize()
        #if canImport(Glibc)
            let request = UInt(TIOCGWINSZ)
        #else
            let request = TIOCGWINSZ
        #endif
        guard ioctl(descriptor, request, &size) == 0, size.ws_col > 0 else { return nil }
        return TerminalSize(columns: Int(size.ws_col), rows: Int(size.ws_row))
    }
}
