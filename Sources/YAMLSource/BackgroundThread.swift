#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain POSIX thread that runs one closure and is joined: the smallest way to put work on the
/// second core for the length of one call.
///
/// Not a libdispatch or Swift concurrency worker on purpose: the closure blocks on semaphores
/// until its partner makes progress, which a shared pool of threads may not allow for
/// (`concurrentPerform` may run both halves on one thread, one after the other: a deadlock).
struct BackgroundThread: ~Copyable {
    private final class Work {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    #if canImport(Glibc)
    private var thread = pthread_t()
    #else
    private var thread: pthread_t?
    #endif
    private var joined = false

    /// Starts `body` on a new thread; nil if the system has no thread to give.
    init?(_ body: @escaping () -> Void) {
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        let started = pthread_create(&thread, nil, { context in
            #if canImport(Glibc)
            let work = Unmanaged<Work>.fromOpaque(context!).takeRetainedValue()
            #else
            let work = Unmanaged<Work>.fromOpaque(context).takeRetainedValue()
            #endif
            work.body()
            return nil
        }, work)
        guard started == 0 else {
            Unmanaged<Work>.fromOpaque(work).release()
            return nil
        }
    }

    /// Waits for the closure to return.
    mutating func join() {
        guard !joined else { return }
        joined = true
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        pthread_join(thread!, nil)
        #endif
    }

    deinit {
        if !joined {
            #if canImport(Glibc)
            pthread_join(thread, nil)
            #else
            pthread_join(thread!, nil)
            #endif
        }
    }
}
