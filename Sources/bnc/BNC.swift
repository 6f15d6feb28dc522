import ArgumentParser
import BinanceAPI
import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process entry point. The common `-c` invocation (``QuickArguments``) runs on the main
/// thread itself, through ``CallingThreadExecutor``: no hop from an async `main` to a
/// cooperative-pool thread while the main thread waits, and no pool thread started for a dry run
/// (docs/performance.md, "Cold start"). Everything else goes through ``BNC/main()`` as an async
/// `main` would run it: a task on the global executor while the main thread serves the main queue.
@main
enum BNCEntry {
    static func main() {
        if let quick = QuickArguments.parse(CommandLine.arguments.dropFirst()) {
            let code = CallingThreadExecutor.run {
                await RootDispatch.run(options: quick.options, command: quick.command)
            }
            exit(code)
        }
        Task {
            await BNC.main()
            exit(0)
        }
        dispatchMain()
    }
}

/// Runs one async operation to completion on the calling thread: the operation's task prefers
/// this executor (SE-0417), so its nonisolated code and the default actors it enters run here,
/// and the calling thread runs each job as it is enqueued, sleeping while there is none (a
/// continuation resumed by another thread, such as a NIO event loop, enqueues the next one).
/// Code that asks for another executor (`withTaskExecutorPreference`, an actor with its own
/// executor) runs there as before and comes back here.
final class CallingThreadExecutor: TaskExecutor, @unchecked Sendable {
    /// Guards `jobs` and `finished`; the calling thread waits on it for work.
    private let condition = Condition()
    private var jobs: [UnownedJob] = []
    private var finished = false

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func finish() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }

    /// Runs `operation` here and returns its result once it has finished.
    static func run(_ operation: sending @escaping () async -> Int32) -> Int32 {
        let executor = CallingThreadExecutor()
        let result = ResultBox()
        Task(executorPreference: executor) {
            result.value = await operation()
            executor.finish()
        }
        executor.drain()
        return result.value
    }

    /// Runs jobs until the operation has finished and no job is left.
    private func drain() {
        let unowned = asUnownedTaskExecutor()
        while true {
            condition.lock()
            while jobs.isEmpty && !finished { condition.wait() }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            let done = finished && batch.isEmpty
            condition.unlock()
            if done { return }
            for job in batch { job.runSynchronously(on: unowned) }
        }
    }

    /// The operation's exit code, written by its task before `finish()` and read after `drain()`
    /// returns; the condition's lock orders the two.
    private final class ResultBox: @unchecked Sendable {
        var value: Int32 = 0
    }
}

/// A pthread mutex with its condition variable: what ``CallingThreadExecutor`` needs of
/// Foundation's `NSCondition`, which FoundationEssentials does not have.
private final class Condition: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    /// Unlocks, sleeps until ``signal()``, and locks again.
    func wait() { pthread_cond_wait(condition, mutex) }
    func signal() { pthread_cond_signal(condition) }
}

/// `bnc`: the shell and script runner for Binance operations.
///
/// With no subcommand: `-c STATEMENTS` runs statements, a non-terminal stdin is read as a script,
/// and otherwise the interactive shell starts.
struct BNC: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bnc",
        abstract: "A shell and script runner for Binance operations.",
        discussion: """
            With no endpoint chosen, bnc talks to its embedded exchange simulator with a demo key.
            Exit codes: 0 success, 1 runtime or exchange error, 2 usage or validation error (nothing sent).
            """,
        version: BNCVersion.current,
        subcommands: [
            RunCommand.self,
            CheckCommand.self,
            SignCommand.self,
            ExplainCommand.self,
            DoctorCommand.self,
            LogCommand.self,
            ReplayCommand.self,
            SimCommand.self
        ]
    )

    @OptionGroup var globalOptions: GlobalOptionArguments
    var options: GlobalOptions { globalOptions.values }

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these statements and exit.", valueName: "statements"))
    var command: String?

    func run() async throws {
        let code = await RootDispatch.run(options: options, command: command)
        if code != 0 { throw ExitCode(code) }
    }

    /// Parses and runs like ArgumentParser's own `main`, except that usage and validation errors
    /// exit with 2 (the project's code for "nothing was sent") instead of EX_USAGE (64). The quick
    /// `-c` path does not come here (``BNCEntry``).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                // ArgumentParser's own text (with the usage line) on standard error; the JSON
                // object too when the command line already chose JSON output.
                let usage = Termination.usage(message(for: error))
                Console.write(fd: 2, fullMessage(for: error) + "\n")
                if Termination.commandLineAsksForJSON(CommandLine.arguments) { usage.writeJSON() }
                exit(withError: ExitCode(usage.exitCode))
            }
            exit(withError: error)
        }
    }
}

/// The version printed by `--version` and written into session logs.
enum BNCVersion {
    static let current = "0.1.0"
}
