import BNCTestSupport
import Foundation
import Testing

/// The tests' child processes never wait forever: a hung child fails its test instead of
/// stopping the whole run (CI's limit), and a server that ignores SIGTERM is killed.
@Suite struct ChildProcessTests {
    @Test func aChildThatHangsIsKilledAtTheTimeout() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sleep")
        process.arguments = ["30"]
        let started = Date()
        let output = try ChildProcess.capture(process, timeout: 0.5)
        #expect(output.status == SIGKILL)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aServerThatIgnoresSIGTERMIsKilledAfterTheGrace() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); print(1, flush=True); time.sleep(30)"
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        usleep(200_000) // the trap is set
        let started = Date()
        process.stop(grace: 0.5)
        #expect(!process.isRunning)
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        #expect(Date().timeIntervalSince(started) < 10)
    }
}
