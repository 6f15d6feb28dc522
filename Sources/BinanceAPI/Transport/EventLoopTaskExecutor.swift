import NIOCore

/// Runs a task's jobs on one NIO event loop.
///
/// A task that awaits answers from connections on that loop, run under
/// `withTaskExecutorPreference(executor)`, resumes on the thread that read the answer: no
/// eventfd wake-up and no thread switch per request (docs/performance.md, "Wire"). Actors
/// without a custom executor (``ExchangeClient``) and nonisolated async code follow the
/// preference; child tasks inherit it. Code running here must not block the loop for long.
public final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    /// The loop jobs run on.
    public let loop: any EventLoop

    public init(_ loop: any EventLoop) {
        self.loop = loop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        // From the loop itself this appends to its task queue without waking anything.
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
