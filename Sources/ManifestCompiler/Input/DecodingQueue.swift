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

    private let reader: YAMLReader
    private let threshold: Int
    private var pending: [(position: Int, input: ManifestInput)] = []
    private var pendingBytes = 0
    private var added = 0
    private var inBackground = false
    private let group = DispatchGroup()
    private let decoded = Decoded()

    /// Decoded files by position, filled by the workers.
    private final class Decoded: Sendable {
        let files = Mutex<[DecodedFile?]>([])

        func store(_ batch: [(Int, DecodedFile)]) {
            files.withLock { files in
                for (position, file) in batch {
                    if position >= files.count { files.append(contentsOf: repeatElement(nil, count: position - files.count + 1)) }
                    files[position] = file
                }
            }
        }
    }

    /// - Parameter threshold: bytes read before decoding moves to worker threads.
    init(reader: YAMLReader, threshold: Int) {
        self.reader = reader
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
    /// been handed to a worker, then waits for the workers.
    func finish() -> [DecodedFile] {
        let remaining = pending.map { ($0.position, DecodedFile($0.input, reader: reader)) }
        pending = []
        group.wait()
        decoded.store(remaining)
        return decoded.files.withLock { files in
            (0..<added).map { position in
                guard position < files.count, let file = files[position] else { preconditionFailure("file \(position) was never decoded") }
                return file
            }
        }
    }

    private func startBatch() {
        let batch = pending
        pending = []
        pendingBytes = 0
        let reader = reader
        let decoded = decoded
        DispatchQueue.global().async(group: group) {
            decoded.store(batch.map { ($0.position, DecodedFile($0.input, reader: reader)) })
        }
    }
}
