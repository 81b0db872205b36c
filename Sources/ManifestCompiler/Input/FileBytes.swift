#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file into `[UInt8]` with `open`, `fstat` and `read`: straight into the array the
/// YAML reader takes, without `Data` and a copy of it (a repository check reads a thousand small
/// files, and Foundation's path and `Data` handling cost more per file than the read itself).
/// A size limit is checked before reading, so an oversized file costs no memory.
enum FileBytes {
    /// What reading a file gave.
    enum Outcome {
        case bytes([UInt8])
        /// Missing, no permission, a folder, or a read error.
        case unreadable
        /// More than the limit asked for; the size when it is known (a regular file), else nil.
        case tooLarge(Int?)
    }

    /// The file's bytes, unless it cannot be read or holds more than `limit` bytes.
    ///
    /// - Parameter isRegularFile: the folder listing said so (`readdir`'s entry kind). Then a
    ///   first `read` of up to 64 KiB comes before any `fstat`: a manifest is almost always
    ///   smaller, and a short read of a regular file is its end, so it costs three system calls
    ///   instead of four (a repository check opens a thousand such files).
    static func contents(atPath path: String, limit: Int = .max, isRegularFile: Bool = false) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        if isRegularFile {
            // One byte past a lower limit is enough to know the file exceeds it.
            let asked = limit >= firstReadBytes ? firstReadBytes : max(limit, 0) + 1
            // Read into scratch space and keep only what was read: the array of a file's bytes
            // lives until the check ends, so it must not carry 64 KiB of capacity.
            let first: [UInt8]? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: asked) { scratch in
                let count = readOnce(descriptor, into: scratch)
                return count < 0 ? nil : Array(UnsafeBufferPointer(rebasing: scratch[..<count]))
            }
            guard let first else { return .unreadable }
            if first.count < asked { return .bytes(first) }
            // A larger file (or exactly as large as asked): measure it and read on.
            return contents(of: descriptor, limit: limit, alreadyRead: first)
        }
        return contents(of: descriptor, limit: limit)
    }

    /// What a regular file's first read asks for.
    static let firstReadBytes = 64 * 1024

    /// Everything left to read from an open descriptor (a file, or standard input as a pipe), up
    /// to `limit` bytes: a regular file larger than that is not read at all, a pipe is read only
    /// until it has given one byte more.
    static func contents(of descriptor: Int32, limit: Int = .max, alreadyRead: [UInt8] = []) -> Outcome {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { return .unreadable }
        let isRegular = status.st_mode & S_IFMT == S_IFREG
        if isRegular, Int(status.st_size) > limit { return .tooLarge(Int(status.st_size)) }
        // One byte more than the size: for a regular file, a read that comes back short has
        // reached the end, so a file that did not change is read with a single `read`.
        var request = isRegular ? max(Int(status.st_size) + 1 - alreadyRead.count, 1) : 64 * 1024
        let limit = min(limit, Int.max - 1)
        var bytes = alreadyRead
        if bytes.count > limit { return .tooLarge(nil) }
        while true {
            // Never more than one byte past the limit, which is enough to know it is exceeded.
            let asked = min(request, limit - bytes.count + 1)
            guard let chunk = readChunk(descriptor, upTo: asked) else { return .unreadable }
            if bytes.isEmpty { bytes = chunk } else { bytes.append(contentsOf: chunk) }
            // A file that grew past the limit while read, or a pipe that gives more.
            if bytes.count > limit { return .tooLarge(nil) }
            if chunk.isEmpty || (isRegular && chunk.count < asked) { return .bytes(bytes) }
            request = max(request, 64 * 1024)
        }
    }

    /// One `read` of at most `count` bytes (retried when a signal interrupts it); nil on an error.
    private static func readChunk(_ descriptor: Int32, upTo count: Int) -> [UInt8]? {
        var failed = false
        let chunk = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            let result = readOnce(descriptor, into: buffer)
            failed = result < 0
            initialized = max(result, 0)
        }
        return failed ? nil : chunk
    }

    /// One `read` filling at most `buffer` (retried when a signal interrupts it): the byte count,
    /// or -1 on an error.
    private static func readOnce(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var result: Int
        repeat {
            result = read(descriptor, buffer.baseAddress, buffer.count)
        } while result < 0 && errno == EINTR
        return result
    }
}
