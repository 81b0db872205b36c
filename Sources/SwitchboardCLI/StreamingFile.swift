#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file `AtomicFile.write(to:_:)` writes: pieces appended in order, and a stretch
/// overwritten once its content is known (the bundle's digest, which comes first in the file).
///
/// Errors are kept rather than thrown, so an encoder can hand its pieces over without handling
/// them; after the first one nothing more is written, and `AtomicFile` reports it. Not for
/// sharing between threads.
final class StreamingFile {
    /// The open file; nil to collect the bytes in `buffered` (a device, written whole at the end).
    private let descriptor: Int32?
    /// Everything appended, when there is no descriptor.
    private(set) var buffered: [UInt8] = []
    /// The `errno` of the first failed write.
    private(set) var failure: Int32?

    init(descriptor: Int32?) {
        self.descriptor = descriptor
    }

    /// Appends `piece` after everything appended before.
    func append(_ piece: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        guard let descriptor else { return buffered.append(contentsOf: piece) }
        failure = Self.writeAll(piece, to: descriptor, at: nil)
    }

    /// Replaces the bytes at `offset`, which must all have been appended already.
    func overwrite(_ bytes: [UInt8], at offset: Int) {
        guard failure == nil else { return }
        guard let descriptor else { return buffered.replaceSubrange(offset..<offset + bytes.count, with: bytes) }
        failure = bytes.withUnsafeBytes { Self.writeAll($0, to: descriptor, at: offset) }
    }

    /// Writes all of `bytes` (at the file position, or at `offset` when given), retrying short
    /// writes and interruptions; the `errno` of a failure, or nil.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, at offset: Int?) -> Int32? {
        var written = 0
        while written < bytes.count {
            let start = bytes.baseAddress! + written, count = bytes.count - written
            let result = if let offset { pwrite(descriptor, start, count, off_t(offset + written)) } else { write(descriptor, start, count) }
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += result
        }
        return nil
    }
}
