#if canImport(Glibc)
import Glibc
#endif
import Foundation
import NIOCore
import Testing
@testable import Registrar

/// TCP limits on a real server on 127.0.0.1, with limits small enough to hit in a test:
/// connection counts, idle and message timeouts, and a client that does not read.
@Suite struct TCPLimitsTests {
    /// Runs `body` with the port of a one-thread server whose TCP connections get `limits`.
    static func withServer(_ limits: TCPLimits, _ body: (Int, RegistrarServer) throws -> Void) async throws {
        let processor = try RequestProcessorTests.makeProcessor(time: TestTime())
        var configuration = processor.state.snapshot.configuration
        configuration.tcp = limits
        processor.state.replace(configuration: configuration)
        let server = try await RegistrarServer.start(processor: processor, listen: [ListenAddress(host: "127.0.0.1", port: 0)], threads: 1)
        let port = try #require(server.boundAddresses.first?.port)
        do {
            try body(port, server)
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    static let answered = "SIP/2.0 200 OK"

    /// Connects from `127.0.0.<source>` and proves the connection is served.
    static func served(port: Int, source: UInt8) throws -> TCPTestSocket {
        let socket = try #require(TCPTestSocket(port: port, source: source))
        #expect(socket.ask() == answered)
        return socket
    }

    /// Connects from `127.0.0.<source>` and proves the server closes it without a byte.
    static func refused(port: Int, source: UInt8) throws {
        let socket = try #require(TCPTestSocket(port: port, timeout: 1, source: source))
        #expect(socket.ending() == .closed(received: 0))
    }

    /// Waits (briefly) until the server counts `count` open connections.
    static func waitForOpenConnections(_ count: Int, on server: RegistrarServer) {
        let deadline = Date().addingTimeInterval(2)
        while server.connections.open() != count, Date() < deadline { usleep(5_000) }
    }

    @Test func connectionsOverTheTotalOrPerSourceLimitAreClosedAndASlotFreesOnClose() async throws {
        try await Self.withServer(TCPLimits(maxConnections: 3, maxConnectionsPerSource: 2)) { port, server in
            let first = try Self.served(port: port, source: 1)
            let second = try Self.served(port: port, source: 1)
            try Self.refused(port: port, source: 1)  // a third from 127.0.0.1: per source
            let other = try Self.served(port: port, source: 2)
            try Self.refused(port: port, source: 3)  // a fourth in all
            #expect(server.connections.open() == 3)
            // The earlier ones are still served.
            #expect(first.ask(branch: "z9hG4bK-again1") == Self.answered)
            #expect(second.ask(branch: "z9hG4bK-again2") == Self.answered)
            #expect(other.ask(branch: "z9hG4bK-again3") == Self.answered)

            // One closes: its slot, total and per source, is free again, exactly once.
            close(first.descriptor)
            Self.waitForOpenConnections(2, on: server)
            #expect(server.connections.open() == 2)
            #expect(server.connections.open(from: .ipv4(0x7F00_0001)) == 1)
            let third = try Self.served(port: port, source: 3)
            try Self.refused(port: port, source: 4)
            #expect(third.ask(branch: "z9hG4bK-again4") == Self.answered)
            #expect(server.connections.open() == 3)
        }
    }

    @Test func anIdleConnectionIsClosedAndOneSendingKeepAlivesIsNot() async throws {
        let limits = TCPLimits(idleTimeout: .milliseconds(600), messageTimeout: .milliseconds(100))
        try await Self.withServer(limits) { port, _ in
            let silent = try #require(TCPTestSocket(port: port, timeout: 2))
            let pinging = try #require(TCPTestSocket(port: port, timeout: 2))
            let lonelyCRLF = try #require(TCPTestSocket(port: port, timeout: 2))
            let start = Date()
            // Double-CRLF pings (RFC 5626) every 250 ms for two idle timeouts. The other client
            // is always one CRLF ahead, so a single CRLF waits 250 ms each time for its second:
            // no message begun, so the 100 ms message timeout does not cut it.
            #expect(lonelyCRLF.send("\r\n"))
            for _ in 0..<5 {
                usleep(250_000)
                #expect(pinging.send("\r\n\r\n"))
                #expect(lonelyCRLF.send("\r\n\r\n"))
            }
            #expect(silent.isClosedByServer)
            #expect(!pinging.isClosedByServer && !lonelyCRLF.isClosedByServer)
            #expect(pinging.ask() == Self.answered)
            #expect(lonelyCRLF.ask() == Self.answered)
            // And a silent one is closed no earlier than its timeout.
            let fresh = try #require(TCPTestSocket(port: port, timeout: 2))
            let opened = Date()
            #expect(fresh.ending() == .closed(received: 0))
            #expect(Date().timeIntervalSince(opened) >= 0.55)
            #expect(Date().timeIntervalSince(start) < 5)
        }
    }

    @Test func aMessageDribbledPastTheMessageTimeoutIsCut() async throws {
        let limits = TCPLimits(idleTimeout: .seconds(5), messageTimeout: .milliseconds(300))
        try await Self.withServer(limits) { port, _ in
            let slow = try #require(TCPTestSocket(port: port, timeout: 2))
            let bytes = Array(TCPTestSocket.options(branch: "z9hG4bK-slowloris").utf8)
            let start = Date()
            var sent = 0
            // One byte every 10 ms: never idle, but the message would take about 2.5 s.
            while sent < bytes.count, !slow.isClosedByServer {
                _ = slow.sendRaw([bytes[sent]])
                sent += 1
                usleep(10_000)
            }
            let elapsed = Date().timeIntervalSince(start)
            #expect(sent < bytes.count)
            #expect(slow.ending() == .closed(received: 0))
            #expect(elapsed >= 0.25 && elapsed < 2)
            // Everybody else is served.
            #expect(try Self.served(port: port, source: 2).ask(branch: "z9hG4bK-after") == Self.answered)
        }
    }

    @Test func aCompleteMessageSentSlowlyWithinTheTimeoutIsAnswered() async throws {
        let limits = TCPLimits(idleTimeout: .seconds(5), messageTimeout: .milliseconds(800))
        try await Self.withServer(limits) { port, _ in
            let client = try #require(TCPTestSocket(port: port, timeout: 2))
            // Two messages, each in four pieces 150 ms apart (450 ms a message, 900 ms in all):
            // the timer starts again with each message.
            for branch in ["z9hG4bK-slow1", "z9hG4bK-slow2"] {
                let bytes = Array(TCPTestSocket.options(branch: branch).utf8)
                let quarter = bytes.count / 4 + 1
                for piece in stride(from: 0, to: bytes.count, by: quarter) {
                    #expect(client.sendRaw(Array(bytes[piece..<min(piece + quarter, bytes.count)])) == .sent)
                    usleep(150_000)
                }
                #expect(client.receiveHead()?.hasPrefix(Self.answered) == true)
            }
        }
    }

    @Test func aClientThatNeverReadsIsClosedWhileOthersAreAnswered() async throws {
        let limits = TCPLimits(
            idleTimeout: .seconds(30), messageTimeout: .seconds(30), maxPendingWriteBytes: 8 * 1024,
            writeStallTimeout: .milliseconds(300))
        try await Self.withServer(limits) { port, server in
            let legit = try Self.served(port: port, source: 2)
            let flooder = try #require(TCPTestSocket(port: port, timeout: 2, receiveBufferSize: 4096))
            flooder.setSendTimeout(milliseconds: 50)
            // Responses of 6 kB each: the server's socket buffer (up to 4 MB) fills in a few
            // hundred requests even on a loaded machine.
            let batch = Array((0..<8).map { TCPTestSocket.options(branch: "z9hG4bK-flood\($0)", padding: 6_000) }.joined().utf8)
            let deadline = Date().addingTimeInterval(8)
            var result = TCPTestSocket.SendResult.sent
            var answeredWhileStalled = false
            var round = 0
            while result != .closed, Date() < deadline {
                result = flooder.sendRaw(batch)
                if result == .blocked, !answeredWhileStalled {
                    // The server has stopped reading the flooder: others are still answered.
                    round += 1
                    answeredWhileStalled = legit.ask(branch: "z9hG4bK-legit\(round)") == Self.answered
                }
            }
            #expect(result == .closed)
            #expect(answeredWhileStalled)
            #expect(legit.ask(branch: "z9hG4bK-legit-after") == Self.answered)
            Self.waitForOpenConnections(1, on: server)
            #expect(server.connections.open() == 1)
        }
    }

    @Test func aServerWithLimitsThatCannotBeAppliedDoesNotStart() async throws {
        let processor = try RequestProcessorTests.makeProcessor(time: TestTime())
        var configuration = processor.state.snapshot.configuration
        configuration.tcp.messageTimeout = .zero
        processor.state.replace(configuration: configuration)
        await #expect(throws: TCPLimits.Invalid(member: "messageTimeout", value: "\(TimeAmount.zero)")) {
            _ = try await RegistrarServer.start(processor: processor, listen: [ListenAddress(host: "127.0.0.1", port: 0)], threads: 1)
        }
    }
}
