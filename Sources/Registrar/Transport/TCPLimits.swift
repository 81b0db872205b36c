import NIOCore
import RuntimeBundle

/// What one TCP client may take of the registrar: connections, time, and our memory for the
/// responses it does not read. Over a limit the connection is closed without a SIP response
/// (docs/security.md, "TCP connections").
///
/// The first four members are the manifest's `registrar.tcp` settings, one to one
/// (`max_connections`, `max_connections_per_source`, `idle_timeout`, `message_timeout`); the
/// outbound bound is not configurable there. The defaults hold without a manifest section.
public struct TCPLimits: Sendable, Hashable {
    /// Open TCP connections over all listen addresses; the next one is closed at once.
    public var maxConnections: Int = 1024
    /// Open connections from one source: an IPv4 address, or an IPv6 /64 (one host usually has
    /// a whole /64, so counting single IPv6 addresses would limit nothing).
    public var maxConnectionsPerSource: Int = 32
    /// Time without a single byte from the client (CRLF keep-alives count) before the connection
    /// is closed.
    public var idleTimeout: TimeAmount = .seconds(300)
    /// Time from a message's first byte to its last before the connection is closed, so a client
    /// trickling a byte at a time (slowloris) cannot hold a connection with one message.
    public var messageTimeout: TimeAmount = .seconds(10)
    /// Response bytes queued for a client before we stop reading its requests: the high write
    /// watermark (the low one is half of it), and the size of the socket's send buffer (which
    /// Linux doubles for its bookkeeping). A client that does not read makes us hold at most
    /// about three times this, plus the responses to one read.
    public var maxPendingWriteBytes: Int = 64 * 1024
    /// Time the queue may stay above ``maxPendingWriteBytes`` (the channel unwritable) before the
    /// connection is closed: a client that never reads its responses.
    public var writeStallTimeout: TimeAmount = .seconds(10)

    public init() {}

    public init(
        maxConnections: Int = 1024, maxConnectionsPerSource: Int = 32, idleTimeout: TimeAmount = .seconds(300),
        messageTimeout: TimeAmount = .seconds(10), maxPendingWriteBytes: Int = 64 * 1024,
        writeStallTimeout: TimeAmount = .seconds(10)
    ) {
        self.maxConnections = maxConnections
        self.maxConnectionsPerSource = maxConnectionsPerSource
        self.idleTimeout = idleTimeout
        self.messageTimeout = messageTimeout
        self.maxPendingWriteBytes = maxPendingWriteBytes
        self.writeStallTimeout = writeStallTimeout
    }

    /// The range of ``maxPendingWriteBytes``: a low watermark of half of it must be at least one
    /// byte, and the socket option takes a C `int` (1 GiB is far above any use).
    public static let pendingWriteBytesRange = 2...(1 << 30)

    /// Checks that every limit can be applied: counts and times positive, the write bound in
    /// ``pendingWriteBytesRange``. The first problem is thrown, naming the member.
    public func validate() throws(Invalid) {
        if maxConnections < 1 { throw Invalid(member: "maxConnections", value: "\(maxConnections)") }
        if maxConnectionsPerSource < 1 {
            throw Invalid(member: "maxConnectionsPerSource", value: "\(maxConnectionsPerSource)")
        }
        for (member, time) in [("idleTimeout", idleTimeout), ("messageTimeout", messageTimeout), ("writeStallTimeout", writeStallTimeout)]
        where time <= .zero {
            throw Invalid(member: member, value: "\(time)")
        }
        if !Self.pendingWriteBytesRange.contains(maxPendingWriteBytes) {
            throw Invalid(member: "maxPendingWriteBytes", value: "\(maxPendingWriteBytes)")
        }
    }

    /// A limit that cannot be applied.
    public struct Invalid: Error, Hashable, CustomStringConvertible {
        public var member: String
        public var value: String

        public var description: String {
            member == "maxPendingWriteBytes"
                ? "TCP limit \(member) must be from \(pendingWriteBytesRange.lowerBound) to \(pendingWriteBytesRange.upperBound), found \(value)"
                : "TCP limit \(member) must be positive, found \(value)"
        }
    }

    /// The write watermarks that make the channel unwritable above ``maxPendingWriteBytes``.
    var writeBufferWaterMark: ChannelOptions.Types.WriteBufferWaterMark {
        .init(low: maxPendingWriteBytes / 2, high: maxPendingWriteBytes)
    }
}

extension TCPLimits {
    /// The bundle's `registrar.tcp`; the write bounds, which the manifest does not set, keep
    /// their defaults. The bundle loader has already checked every value's range, and those
    /// ranges are within what ``validate()`` accepts.
    public init(_ settings: BundleRegistrar.TCP) {
        self.init(
            maxConnections: settings.maxConnections, maxConnectionsPerSource: settings.maxConnectionsPerSource,
            idleTimeout: .seconds(Int64(settings.idleTimeout)), messageTimeout: .seconds(Int64(settings.messageTimeout)))
    }
}
