import Foundation
import Testing

/// `scripts/install --bin PATH` into a temporary PREFIX from the already built debug binary (CI
/// builds no extra release): the installed `bnc --version` runs, its bash completion completes
/// an option, `man -l` reads its page, and `--uninstall` removes every file.
@Suite("scripts/install: binary, completions and man page under a PREFIX")
struct InstallScriptTests {
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> LanguageRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = LanguageRun.packageRoot
        var env = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        process.environment = env
        return try LanguageRun.capture(process)
    }

    @Test func installsRunsCompletesShowsItsManualAndUninstalls() throws {
        let root = LanguageRun.packageRoot.path
        #expect(
            FileManager.default.isExecutableFile(atPath: root + "/.build/debug/generate-manual"),
            "swift-argument-parser's generate-manual is built by scripts/setup --test")
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-install-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let install = try Self.run(root + "/scripts/install", ["--bin", LanguageRun.binary], environment: ["PREFIX": prefix])
        #expect(install.status == 0, "\(install.stderr)")
        #expect(install.stdout.contains("installed bnc"))

        let version = try Self.run(prefix + "/bin/bnc", ["--version"])
        #expect(version.status == 0)
        #expect(
            version.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                == (try Self.run(LanguageRun.binary, ["--version"])).stdout.trimmingCharacters(in: .whitespacesAndNewlines))

        // bash: load the installed completion and complete the word after `bnc `.
        let completion = prefix + "/share/bash-completion/completions/bnc"
        let bash = try Self.run(
            "/bin/bash",
            [
                "-c",
                "source '\(completion)'; COMP_LINE='bnc '; COMP_POINT=4; COMP_WORDS=(bnc ''); COMP_CWORD=1; _bnc; printf '%s\\n' \"${COMPREPLY[@]}\""
            ], environment: ["PATH": prefix + "/bin:/usr/bin:/bin"])
        let offered = Set(bash.stdout.split(separator: "\n").map(String.init))
        #expect(offered.isSuperset(of: ["run", "replay", "explain", "sim"]), "\(bash.stdout)\(bash.stderr)")
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/zsh/site-functions/_bnc"))
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/fish/vendor_completions.d/bnc.fish"))

        let page = prefix + "/share/man/man1/bnc.1"
        let man = try Self.run("/usr/bin/man", ["-l", page], environment: ["MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "80"])
        #expect(man.status == 0, "\(man.stderr)")
        #expect(man.stdout.contains("--endpoint") && man.stdout.contains("--dry-run"), "\(man.stdout.prefix(500))")

        let uninstall = try Self.run(root + "/scripts/install", ["--uninstall"], environment: ["PREFIX": prefix])
        #expect(uninstall.status == 0)
        for file in ["bin/bnc", "share/bash-completion/completions/bnc", "share/man/man1/bnc.1"] {
            #expect(!FileManager.default.fileExists(atPath: prefix + "/" + file))
        }
    }
}
