#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the operating system says about the machine.
enum System {
    /// Cores currently online (`sysconf(_SC_NPROCESSORS_ONLN)`), or 1 if it cannot say.
    static func onlineCores() -> Int {
        Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }
}
