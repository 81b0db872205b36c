#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import Registrar

/// SIP over a TCP connection of a running server: pipelined requests, keep-alive pongs, and a
/// framing error answered with 400 before the connection closes (127.0.0.1 only).
@Suite struct TCPStreamTests {
    @Test func pipelinedRequestsAreEachAnsweredAndAPingGetsAPong() async throws {
        try await TCPLimitsTests.withServer(TCPLimits()) { port, _ in
            let client = try #require(TCPTestSocket(port: port))
            #expect(client.send(TCPTestSocket.options(branch: "z9hG4bK-p1") + TCPTestSocket.options(branch: "z9hG4bK-p2")))
            let first = try #require(client.receiveHead())
            let second = try #require(client.receiveHead())
            #expect(first.hasPrefix(TCPLimitsTests.answered) && first.contains("branch=z9hG4bK-p1"))
            #expect(second.hasPrefix(TCPLimitsTests.answered) && second.contains("branch=z9hG4bK-p2"))
            #expect(client.send("\r\n\r\n"))
            var pong = [UInt8](repeating: 0, count: 2)
            #expect(recv(client.descriptor, &pong, 2, 0) == 2 && pong == [0x0D, 0x0A])
        }
    }

    @Test func aFramingErrorIsAnswered400AndTheConnectionClosed() async throws {
        try await TCPLimitsTests.withServer(TCPLimits()) { port, server in
            let client = try #require(TCPTestSocket(port: port))
            let withoutLength = TCPTestSocket.options(branch: "z9hG4bK-nolength")
                .replacingOccurrences(of: "Content-Length: 0\r\n", with: "")
            #expect(client.send(withoutLength))
            let answer = try #require(client.receiveHead())
            #expect(answer.hasPrefix("SIP/2.0 400 "))
            #expect(client.ending() == .closed(received: 0))
            TCPLimitsTests.waitForOpenConnections(0, on: server)
            #expect(server.connections.open() == 0)
        }
    }
}
