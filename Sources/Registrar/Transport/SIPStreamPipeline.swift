import Logging
import NIOCore

/// The handlers of one accepted TCP connection, one job each, in order:
///
/// 1. ``ConnectionAdmissionHandler``: counts it, or closes it over ``TCPLimits/maxConnections``
///    or ``TCPLimits/maxConnectionsPerSource``;
/// 2. ``IdleTimeoutHandler``: closes it after ``TCPLimits/idleTimeout`` without a byte;
/// 3. NIO's `BackPressureHandler`: stops reading while more than
///    ``TCPLimits/maxPendingWriteBytes`` of responses are queued (the write watermarks; the
///    socket's send buffer is set to the same size);
/// 4. ``WriteStallHandler``: closes it when that lasts ``TCPLimits/writeStallTimeout``;
/// 5. ``SIPStreamDecoder``: bytes to SIP messages;
/// 6. ``MessageDeadlineHandler``: closes it when a message takes longer than
///    ``TCPLimits/messageTimeout``;
/// 7. ``SIPStreamHandler``: answers each message.
struct SIPStreamPipeline: Sendable {
    let processor: RequestProcessor
    let connections: ConnectionTable
    /// Shared by the server's connections, so refusals warn at most once per interval.
    let refusals: WarningThrottle

    /// Installs the handlers on a new connection, with the limits in force now (the
    /// configuration's, so a reload applies to the connections accepted after it).
    func configure(_ channel: any Channel) throws {
        let limits = processor.state.snapshot.configuration.tcp
        // Checked where the bundle is loaded; again here, because NIO traps on bad watermarks.
        try limits.validate()
        let logger = processor.logger
        let options = channel.syncOptions
        try options?.setOption(.writeBufferWaterMark, value: limits.writeBufferWaterMark)
        // The kernel's send buffer is bounded the same way; left to itself it grows to
        // `tcp_wmem`'s maximum (4 MB on Linux) for a client that reads nothing.
        try options?.setOption(.socketOption(.so_sndbuf), value: SocketOptionValue(limits.maxPendingWriteBytes))
        try channel.pipeline.syncOperations.addHandlers([
            ConnectionAdmissionHandler(table: connections, limits: limits, refusals: refusals, logger: logger),
            IdleTimeoutHandler(timeout: limits.idleTimeout, logger: logger),
            BackPressureHandler(),
            WriteStallHandler(timeout: limits.writeStallTimeout, logger: logger),
            SIPStreamDecoder(),
            MessageDeadlineHandler(timeout: limits.messageTimeout, logger: logger),
            SIPStreamHandler(processor: processor),
        ])
    }
}
