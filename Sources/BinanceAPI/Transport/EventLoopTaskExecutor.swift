import NIOCore
import Synchronization

/// Runs a task's jobs on one NIO event loop.
///
/// A task that awaits answers from connections on that loop, run under
/// `withTaskExecutorPreference(executor)`, resumes on the thread that read the answer: no
/// eventfd wake-up and no thread switch per request (docs/performance.md, "Wire"). Actors
/// without a custom executor (``ExchangeClient``) and nonisolated async code follow the
/// preference; child tasks inherit it. Code running here must not block the loop for long.
///
/// Jobs wait in the executor's own queue, and one loop task runs them in order: a job enqueued
/// while they run (the next step of the same task, after a hop into or out of an actor) joins
/// that turn instead of becoming a loop task of its own. A request took nine hops, each a
/// `loop.execute` (a closure, the loop's locked task queue, a turn of the loop), about 5% of a
/// whole loop of cancels on the wire (docs/performance.md, "Fourth pass: the wire"). After
/// ``jobsPerTurn`` jobs the turn ends and the rest waits behind what the loop has queued, so I/O is
/// never held up for longer than a turn of that many jobs.
public final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    /// The loop jobs run on.
    public let loop: any EventLoop

    /// Jobs not yet run, and whether a loop task to run them is queued or running.
    private struct Pending {
        var jobs: [UnownedJob] = []
        var scheduled = false
    }

    private let pending = Mutex(Pending())

    /// The most jobs one turn runs before giving the loop back.
    static let jobsPerTurn = 64

    public init(_ loop: any EventLoop) {
        self.loop = loop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let schedule = pending.withLock { pending in
            pending.jobs.append(job)
            defer { pending.scheduled = true }
            return !pending.scheduled
        }
        if schedule { loop.execute { self.runJobs() } }
    }

    /// Runs queued jobs, in order, until none is left or a turn's worth has run (then it queues
    /// itself again behind the loop's other tasks).
    private func runJobs() {
        let executor = asUnownedTaskExecutor()
        var batch: [UnownedJob] = []
        var ran = 0
        while ran < Self.jobsPerTurn {
            // Swapped, not copied: the two arrays keep their capacity, so a turn allocates nothing.
            pending.withLock { pending in
                if pending.jobs.isEmpty {
                    pending.scheduled = false
                } else {
                    swap(&batch, &pending.jobs)
                }
            }
            if batch.isEmpty { return }
            for job in batch { job.runSynchronously(on: executor) }
            ran += batch.count
            batch.removeAll(keepingCapacity: true)
        }
        loop.execute { self.runJobs() }
    }
}
