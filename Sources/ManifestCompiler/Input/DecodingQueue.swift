import Dispatch
import Synchronization
import YAMLSource

/// Parses and decodes manifest files (`DecodedFile`) while more are still being found: the
/// finder hands each file over as soon as it has read it, and batches of files are decoded on
/// Dispatch's worker threads in the meantime. `finish()` returns them in the order they were
/// added, whichever thread decoded which.
///
/// Why: in a repository check, walking the folders and reading a thousand small files is about a
/// system-call-bound 10 ms on one thread; decoding them only after the walk left the other core
/// idle for that long. Small inputs (under `threshold` bytes in all, like a pre-commit check of a
/// few files) never start a worker: starting Dispatch's threads costs more than they would save.
///
/// Not thread-safe itself: one thread adds and finishes. Only decoded files cross threads.
final class DecodingQueue {
    /// Bytes of input handed to a worker at a time, once decoding runs in the background: small
    /// enough to keep both cores busy to the end, large enough that a batch's hand-over (a few
    /// microseconds) is small beside its decoding (about 65 µs a kilobyte).
    static let batchBytes = 16 * 1024

    private typealias Batch = [(position: Int, input: ManifestInput)]

    private let decode: @Sendable (ManifestInput) -> DecodedFile
    private let threshold: Int
    private var pending: Batch = []
    private var pendingBytes = 0
    private var added = 0
    private var inBackground = false
    private var batchCount = 0
    private let group = DispatchGroup()
    private let shared = Shared()

    /// The batches not yet taken, and the files decoded so far by position.
    private final class Shared: Sendable {
        private let batches = Mutex<[Batch]>([])
        let files = Mutex<[DecodedFile?]>([])

        func push(_ batch: Batch) {
            batches.withLock { $0.append(batch) }
        }

        /// Decodes batches until none is left; returns at once when another thread took the last.
        func drain(with decode: (ManifestInput) -> DecodedFile) {
            while let batch = batches.withLock({ $0.popLast() }) {
                store(batch.map { ($0.position, decode($0.input)) })
            }
        }

        func store(_ batch: [(Int, DecodedFile)]) {
            files.withLock { files in
                for (position, file) in batch {
                    if position >= files.count { files.append(contentsOf: repeatElement(nil, count: position - files.count + 1)) }
                    files[position] = file
                }
            }
        }
    }

    /// - Parameters:
    ///   - threshold: bytes read before decoding moves to worker threads.
    ///   - partSizes: from what size a file is read in parts on all cores (`DecodedFile`).
    init(reader: YAMLReader, threshold: Int, partSizes: ManifestPartSizes = .default) {
        decode = { DecodedFile($0, reader: reader, partSizes: partSizes) }
        self.threshold = threshold
    }

    /// Adds the next file; it may be decoded at once on a worker thread.
    func add(_ input: ManifestInput) {
        pending.append((added, input))
        added += 1
        pendingBytes += input.bytes.count
        if !inBackground, pendingBytes >= threshold { inBackground = true }
        if inBackground, pendingBytes >= Self.batchBytes { startBatch() }
    }

    /// Every file added, decoded, in the order added. The calling thread decodes what has not
    /// been handed out and then takes batches no worker has started, so it never waits idle while
    /// work is queued: Dispatch sizes its pool by the cores, and the caller (a Swift concurrency
    /// thread of the same pool) would otherwise hold one core's place doing nothing.
    func finish() -> [DecodedFile] {
        shared.store(pending.map { ($0.position, decode($0.input)) })
        pending = []
        shared.drain(with: decode)
        group.wait()
        return shared.files.withLock { files in
            (0..<added).map { position in
                guard position < files.count, let file = files[position] else { preconditionFailure("file \(position) was never decoded") }
                return file
            }
        }
    }

    private func startBatch() {
        shared.push(pending)
        pending = []
        pendingBytes = 0
        batchCount += 1
        // The first batch waits for a second: when it is all there is (one large file), the
        // caller decodes it in `finish()` itself rather than waiting for a worker to.
        guard batchCount > 1 else { return }
        let decode = decode
        let shared = shared
        DispatchQueue.global().async(group: group) {
            shared.drain(with: decode)
        }
    }
}
