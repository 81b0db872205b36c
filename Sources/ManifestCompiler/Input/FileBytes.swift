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
enum FileBytes {
    /// The file's bytes; nil when it cannot be opened or read (missing, no permission, a folder).
    static func contents(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return contents(of: descriptor)
    }

    /// Everything left to read from an open descriptor (a file, or standard input as a pipe).
    static func contents(of descriptor: Int32) -> [UInt8]? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { return nil }
        let isRegular = status.st_mode & S_IFMT == S_IFREG
        // One byte more than the size: for a regular file, a read that comes back short has
        // reached the end, so a file that did not change is read with a single `read`.
        var request = isRegular ? Int(status.st_size) + 1 : 64 * 1024
        var bytes: [UInt8]?
        while true {
            guard let chunk = readChunk(descriptor, upTo: request) else { return nil }
            if bytes == nil { bytes = chunk } else { bytes!.append(contentsOf: chunk) }
            if chunk.isEmpty || (isRegular && chunk.count < request) { return bytes }
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
