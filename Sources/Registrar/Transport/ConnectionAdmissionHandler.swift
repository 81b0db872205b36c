import Logging
import NIOCore

/// The first handler of every TCP connection: counts it in the server's ``ConnectionTable`` when
/// it becomes active and closes it at once, without a SIP response, when that would exceed the
/// ``TCPLimits``. An admitted connection is uncounted when it closes.
///
/// A refused connection never reaches the handlers behind this one: they see neither its
/// activation (so start no timers) nor any byte.
final class ConnectionAdmissionHandler: ChannelInboundHandler {
    typealias InboundIn = NIOAny

    private let table: ConnectionTable
    private let limits: TCPLimits
    private let refusals: WarningThrottle
    private let logger: Logger
    /// Set while the connection is counted.
    private var admitted: ConnectionSource?

    init(table: ConnectionTable, limits: TCPLimits, refusals: WarningThrottle, logger: Logger) {
        self.table = table
        self.limits = limits
        self.refusals = refusals
        self.logger = logger
    }

    func channelActive(context: ChannelHandlerContext) {
        guard let remote = context.remoteAddress, let source = ConnectionSource(remote) else {
            context.close(promise: nil)
            return
        }
        if let refusal = table.admit(source, limits: limits) {
            refuse(remote, reason: refusal)
            context.close(promise: nil)
            return
        }
        admitted = source
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard admitted != nil else { return }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let admitted {
            table.release(admitted)
            self.admitted = nil
        }
        context.fireChannelInactive()
    }

    /// A debug line for each refusal, and a warning at most every ``WarningThrottle/interval``
    /// that counts them.
    private func refuse(_ remote: SocketAddress, reason: ConnectionTable.Refusal) {
        logger.debug("tcp connection refused", metadata: ["source": "\(remote)", "reason": "\(reason)"])
        if let count = refusals.record() {
            logger.warning("tcp connections refused", metadata: [
                "count": "\(count)", "last_source": "\(remote)", "reason": "\(reason)",
                "max_connections": "\(limits.maxConnections)", "max_connections_per_source": "\(limits.maxConnectionsPerSource)",
            ])
        }
    }
}
