import Logging
import NIOCore

/// A timer that closes its connection `timeout` after it starts, with a debug line saying why. Each timing
/// handler owns one; it runs on the connection's event loop and must be cancelled when the
/// connection closes (or the handler leaves), which also ends the timer's hold on the context.
final class ClosingTimer {
    let timeout: TimeAmount
    private let reason: String
    private let logger: Logger
    private var scheduled: Scheduled<Void>?

    init(timeout: TimeAmount, reason: String, logger: Logger) {
        self.timeout = timeout
        self.reason = "\(reason) (\(timeout))"
        self.logger = logger
    }

    var isRunning: Bool { scheduled != nil }

    /// Closes the connection ``timeout`` from now, unless `extended` (asked then) gives a later
    /// deadline, in which case it waits for that instead: lets a handler note activity without
    /// rescheduling on every read.
    func start(context: ChannelHandlerContext, extended: (() -> NIODeadline)? = nil) {
        start(at: .now() + timeout, context: context, extended: extended)
    }

    private func start(at deadline: NIODeadline, context: ChannelHandlerContext, extended: (() -> NIODeadline)?) {
        scheduled?.cancel()
        scheduled = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            scheduled = nil
            if let later = extended?(), later > .now() {
                start(at: later, context: context, extended: extended)
                return
            }
            logger.debug("tcp connection closed: \(reason)", metadata: ["source": "\(context.remoteAddress.map { "\($0)" } ?? "?")"])
            context.close(promise: nil)
        }
    }

    func cancel() {
        scheduled?.cancel()
        scheduled = nil
    }
}
