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
    static func contents(atPath path: String, limit: Int = .max) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        return contents(of: descriptor, limit: limit)
    }

    /// Everything left to read from an open descriptor (a file, or standard input as a pipe), up
    /// to `limit` bytes: a regular file larger than that is not read at all, a pipe is read only
    /// until it has given one byte more.
    static func contents(of descriptor: Int32, limit: Int = .max) -> Outcome {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { return .unreadable }
        let isRegular = status.st_mode & S_IFMT == S_IFREG
        if isRegular, Int(status.st_size) > limit { return .tooLarge(Int(status.st_size)) }
        // One byte more than the size: for a regular file, a read that comes back short has
        // reached the end, so a file that did not change is read with a single `read`.
        var request = isRegular ? Int(status.st_size) + 1 : 64 * 1024
        let limit = min(limit, Int.max - 1)
        var bytes: [UInt8] = []
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
            var result: Int
            repeat {
                result = read(descriptor, buffer.baseAddress, count)
            } while result < 0 && errno == EINTR
            failed = result < 0
            initialized = max(result, 0)
        }
        return failed ? nil : chunk
    }
}
