import Foundation
import Testing

/// libedit is loaded by the interactive shell only (issue 18, docs/performance.md, "Fifth pass:
/// cold start"): a `-c` or script start must not map it, nor libtinfo, libbsd and libmd behind it.
/// The dynamic loader lists every library it loads with `LD_DEBUG=libs` (glibc).
@Suite struct LazyLibeditTests {
    #if os(Linux)
        @Test(arguments: [
            (["--no-log", "--dry-run", "--timestamp", "1499827319559", "-c", "cancel LTCBTC id=28"], ""),
            (["--no-log", "--dry-run", "--output", "json", "--timestamp", "1499827319559"], "cancel LTCBTC id=28\n"),
            (["--no-log", "-c", "print 1"], "")
        ])
        func startsWithoutLoadingLibedit(arguments: [String], stdin: String) throws {
            let run = try LanguageRun.bnc(arguments, stdin: stdin, environment: ["LD_DEBUG": "libs"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(!run.stdout.isEmpty)
            // The loader did report what it loaded, so an absent name means it was not loaded.
            #expect(run.stderr.contains("find library=libc.so.6"), "LD_DEBUG gave no report")
            for library in ["libedit", "libtinfo", "libbsd", "libmd."] {
                #expect(!run.stderr.contains(library), "\(library) was loaded")
            }
        }
    #endif
}
