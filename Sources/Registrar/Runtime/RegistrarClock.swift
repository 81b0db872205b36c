#if canImport(Glibc)
import Glibc
#endif

/// Seconds since the epoch, injectable so tests decide what time it is.
public struct RegistrarClock: Sendable {
    public let now: @Sendable () -> UInt64

    public init(now: @escaping @Sendable () -> UInt64) {
        self.now = now
    }

    public static let system = RegistrarClock {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UInt64(spec.tv_sec)
    }

    /// An RFC 1123 date for the `Date` header: `Sat, 13 Nov 2010 23:29:00 GMT`. Written into one
    /// byte buffer: every 200 carries one, and string interpolation cost several times as much.
    public static func httpDate(_ seconds: UInt64) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        var bytes = [UInt8]()
        bytes.reserveCapacity(40)
        func two(_ value: Int32) {
            bytes.append(UInt8(ascii: "0") + UInt8(value / 10))
            bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        bytes += dayNames[Int(parts.tm_wday)].utf8
        bytes += ", ".utf8
        two(parts.tm_mday)
        bytes.append(UInt8(ascii: " "))
        bytes += monthNames[Int(parts.tm_mon)].utf8
        bytes.append(UInt8(ascii: " "))
        bytes += String(parts.tm_year + 1900).utf8
        bytes.append(UInt8(ascii: " "))
        two(parts.tm_hour)
        bytes.append(UInt8(ascii: ":"))
        two(parts.tm_min)
        bytes.append(UInt8(ascii: ":"))
        two(parts.tm_sec)
        bytes += " GMT".utf8
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
