import Dispatch

/// Splits `0..<count` into contiguous chunks, runs a closure on each chunk concurrently on the
/// machine's cores, and returns the chunks' results **in chunk order**, so whatever the
/// scheduling, the joined result is what one loop over `0..<count` would give.
///
/// The compiler's big lists (providers, rules) are decoded, lowered and written this way: each
/// element's work is independent of the others, so only the joining must keep the order.
/// Package-wide, because both `RuntimeBundle` (writing) and `ManifestCompiler` (decoding,
/// lowering) use it.
package enum ParallelChunks {
    /// The machine's online cores (at least 1).
    package static let coreCount: Int = max(1, System.onlineCores())
    /// Chunks for each core by default, so a core that is slowed (another process, a costlier
    /// stretch of elements) is balanced by the others.
    package static let chunksPerCore = 4

    /// Runs `work` over chunks of `0..<count` and returns its results in order.
    ///
    /// - Parameters:
    ///   - minimumChunk: below twice this many elements everything runs as one chunk on this
    ///     thread, where handing work to other threads would cost more than it saves.
    ///   - chunksPerCore: at most this many chunks for each core.
    package static func map<Result>(
        count: Int, minimumChunk: Int, chunksPerCore: Int = chunksPerCore, _ work: (Range<Int>) -> Result
    ) -> [Result] {
        let chunkCount = min(count / max(1, minimumChunk), coreCount * chunksPerCore)
        guard chunkCount > 1, coreCount > 1 else { return [work(0..<count)] }
        let bounds = (0...chunkCount).map { count * $0 / chunkCount }
        return withoutActuallyEscaping(work) { work in
            let run = Run(work: work, bounds: bounds)
            DispatchQueue.concurrentPerform(iterations: chunkCount) { run.perform(chunk: $0) }
            return run.results.map { $0! }
        }
    }

    /// One call's work and results, shared with the threads of `concurrentPerform`. Each thread
    /// writes only the result of its own chunk, and `concurrentPerform` returns only after every
    /// chunk is done, so no two threads touch the same state: hence `@unchecked Sendable`.
    private final class Run<Result>: @unchecked Sendable {
        let work: (Range<Int>) -> Result
        let bounds: [Int]
        private let slots: UnsafeMutableBufferPointer<Result?>

        init(work: @escaping (Range<Int>) -> Result, bounds: [Int]) {
            self.work = work
            self.bounds = bounds
            slots = .allocate(capacity: bounds.count - 1)
            slots.initialize(repeating: nil)
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        func perform(chunk: Int) {
            slots[chunk] = work(bounds[chunk]..<bounds[chunk + 1])
        }

        /// The results in chunk order, once every chunk has been performed.
        var results: [Result?] { Array(slots) }
    }

    /// `first()` and `second()`, on two cores when there are two: two pieces of independent work
    /// of different types (the manifest's object checks and the default-rule expansion).
    package static func both<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
        let halves = map(count: 2, minimumChunk: 1, chunksPerCore: 1) { range in
            (range.contains(0) ? first() : nil, range.contains(1) ? second() : nil)
        }
        guard let one = halves.lazy.compactMap(\.0).first, let two = halves.lazy.compactMap(\.1).first else {
            preconditionFailure("ParallelChunks.both: both halves run")
        }
        return (one, two)
    }

    /// `transform` of every position of `0..<count`, computed in parallel chunks and joined in
    /// order: `(0..<count).map(transform)`.
    ///
    /// Each chunk initializes its own stretch of the result's storage, so nothing is joined
    /// afterwards: joining chunk arrays copied every element (a retain of each reference it holds)
    /// and then freed the chunks (a release of each), on one thread, which at 10,000 lowered
    /// providers cost as much as lowering them.
    package static func mapElements<Element>(
        count: Int, minimumChunk: Int, _ transform: (Int) -> Element
    ) -> [Element] {
        Array(unsafeUninitializedCapacity: count) { buffer, initializedCount in
            let storage = Storage(buffer)
            _ = map(count: count, minimumChunk: minimumChunk) { range in
                for position in range {
                    storage.initialize(position, to: transform(position))
                }
            }
            initializedCount = count
        }
    }

    /// The result's storage, shared with the threads of `map`: each initializes only the
    /// positions of its own chunk, and `map` returns only after every chunk is done, so no two
    /// threads touch the same element — hence `@unchecked Sendable`. `transform` cannot throw,
    /// so every position is initialized when `map` returns.
    private struct Storage<Element>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Element>

        init(_ buffer: UnsafeMutableBufferPointer<Element>) {
            self.buffer = buffer
        }

        func initialize(_ position: Int, to element: Element) {
            (buffer.baseAddress! + position).initialize(to: element)
        }
    }
}
