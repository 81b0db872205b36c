import Synchronization

/// The TCP connections open on a server, in total and per ``ConnectionSource``, shared by every
/// event loop. A connection is counted when it is admitted and uncounted exactly once when it
/// closes, so the counts are the connections open at any moment.
final class ConnectionTable: Sendable {
    /// Why a connection was refused.
    enum Refusal: Hashable, Sendable, CustomStringConvertible {
        /// ``TCPLimits/maxConnections`` are open.
        case total
        /// ``TCPLimits/maxConnectionsPerSource`` are open from the same source.
        case perSource

        var description: String {
            switch self {
            case .total: "too many connections"
            case .perSource: "too many connections from this source"
            }
        }
    }

    private struct Counts {
        var total = 0
        /// Only sources with at least one open connection, so the table is as large as the
        /// connections open (bounded by ``TCPLimits/maxConnections``).
        var perSource: [ConnectionSource: Int] = [:]
    }

    private let counts = Mutex(Counts())

    init() {}

    /// Counts a connection from `source` if `limits` allow one more; otherwise counts nothing and
    /// says which limit was hit. An admitted connection must be ``release(_:)``d once.
    func admit(_ source: ConnectionSource, limits: TCPLimits) -> Refusal? {
        counts.withLock { counts in
            if counts.total >= limits.maxConnections { return .total }
            let fromSource = counts.perSource[source, default: 0]
            if fromSource >= limits.maxConnectionsPerSource { return .perSource }
            counts.total += 1
            counts.perSource[source] = fromSource + 1
            return nil
        }
    }

    /// Uncounts an admitted connection that closed.
    func release(_ source: ConnectionSource) {
        counts.withLock { counts in
            guard let fromSource = counts.perSource[source] else { return }
            counts.total -= 1
            counts.perSource[source] = fromSource > 1 ? fromSource - 1 : nil
        }
    }

    /// Open connections: in total, and from `source`.
    func open(from source: ConnectionSource? = nil) -> Int {
        counts.withLock { counts in source.map { counts.perSource[$0, default: 0] } ?? counts.total }
    }
}
