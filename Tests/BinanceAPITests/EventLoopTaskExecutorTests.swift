import NIOCore
import NIOPosix
import Synchronization
import Testing

@testable import BinanceAPI

/// The executor that keeps a script on the connections' event loop: jobs run on the loop, in
/// order, several to a loop task, and the loop's own work still gets its turn.
@Suite struct EventLoopTaskExecutorTests {
    /// A value several threads write.
    final class Shared<Value: Sendable>: Sendable {
        let value: Mutex<Value>
        init(_ value: Value) { self.value = Mutex(value) }
    }

    actor Counter {
        var value = 0
        func increment() -> Int {
            value += 1
            return value
        }
    }

    @Test func jobsRunOnTheLoopThroughActorHops() async throws {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let executor = EventLoopTaskExecutor(loop)
        let counter = Counter()
        let onLoop = await withTaskExecutorPreference(executor) {
            var all = true
            for _ in 0..<1_000 {
                _ = await counter.increment() // into the actor and back: jobs on the executor
                all = all && loop.inEventLoop
            }
            return all
        }
        #expect(onLoop)
        #expect(await counter.value == 1_000)
    }

    /// A task that keeps hopping never needs the loop's I/O, so without a limit its jobs could run
    /// one after another for ever; a task the loop queued meanwhile runs after at most a turn.
    @Test func theLoopGetsATurnWhileATaskKeepsHopping() async throws {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let executor = EventLoopTaskExecutor(loop)
        let counter = Counter()
        let hopsDone = Shared(0)
        let seenAt = Shared<Int?>(nil)
        let hops = 20_000
        await withTaskExecutorPreference(executor) {
            for index in 0..<hops {
                if index == 100 {
                    // Queued on the loop from the loop, behind the executor's turn: it notes how
                    // many hops were done by the time it ran.
                    loop.execute { seenAt.value.withLock { $0 = hopsDone.value.withLock { $0 } } }
                }
                _ = await counter.increment()
                hopsDone.value.withLock { $0 += 1 }
            }
        }
        let at = try #require(seenAt.value.withLock { $0 })
        #expect(at >= 100)
        #expect(at < 100 + 10 * EventLoopTaskExecutor.jobsPerTurn) // within a few turns, not after the loop
    }

    @Test func jobsFromOtherThreadsRunInTheOrderTheyCame() async throws {
        let executor = EventLoopTaskExecutor(MultiThreadedEventLoopGroup.singleton.next())
        let order = Shared<[Int]>([])
        await withTaskGroup(of: Void.self) { tasks in
            for index in 0..<200 {
                // Child tasks inherit the preference; each appends when it first runs, and they are
                // enqueued in the order they are added.
                tasks.addTask(executorPreference: executor) { order.value.withLock { $0.append(index) } }
            }
        }
        #expect(order.value.withLock { $0 } == Array(0..<200))
    }
}
