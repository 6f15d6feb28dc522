import CEditlineShim

/// libedit, loaded when the interactive shell starts rather than linked: a `-c`, script, dry-run
/// or `bnc sim` start never maps it and the libraries behind it (libtinfo, libbsd, libmd), which
/// cost about a fifth of a bare program's start (issue 18, docs/performance.md, "Fifth pass:
/// cold start"). Every call into libedit goes through the C shim's pointers, resolved here.
package enum EditlineLibrary {
    /// The names tried, in order: the shared library's soname where the system has one.
    package static var defaultNames: [String] {
        #if canImport(Darwin)
            ["libedit.3.dylib", "libedit.dylib"]
        #else
            ["libedit.so.2"]
        #endif
    }

    /// Loads the first of `names` that is a libedit with every function the shim calls (once per
    /// process: later calls return at once). Returns nil when libedit is ready, else why not —
    /// each name tried with the loader's answer — in words for the user.
    package static func load(names: [String] = defaultNames) -> String? {
        if names == defaultNames, bnc_editline_is_loaded() == 1 { return nil }
        var reasons: [String] = []
        for name in names {
            var message = [CChar](repeating: 0, count: 512)
            if bnc_editline_load_library(name, &message, message.count) == 0 { return nil }
            let reason = String(decoding: message.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            // glibc's message starts with the name it was given; others may not.
            reasons.append(reason.hasPrefix(name) ? reason : "\(name): \(reason)")
        }
        return "cannot load libedit (\(reasons.joined(separator: "; ")))"
    }
}
