import NIOCore
import Testing
@testable import Registrar

/// The counting behind the TCP connection limits, without sockets: who counts as one source,
/// exact accounting, the throttled warning, and the limits' defaults and checks.
@Suite struct ConnectionAccountingTests {
    static func source(_ ip: String) throws -> ConnectionSource {
        try #require(ConnectionSource(try SocketAddress(ipAddress: ip, port: 5060)))
    }

    @Test func ipv6SourcesCountPerSlash64AndMappedIPv4AsIPv4() throws {
        let v4 = try Self.source("192.0.2.1")
        #expect(v4 == .ipv4(0xC000_0201))
        #expect(v4.description == "192.0.2.1")
        #expect(try Self.source("192.0.2.2") != v4)
        #expect(try Self.source("::ffff:192.0.2.1") == v4)

        let host = try Self.source("2001:db8:0:1::1")
        #expect(try Self.source("2001:db8:0:1:ffff:ffff:ffff:ffff") == host)
        #expect(try Self.source("2001:db8:0:2::1") != host)
        #expect(host.description == "2001:db8:0:1::/64")
        #expect(ConnectionSource(try SocketAddress(unixDomainSocketPath: "/tmp/x")) == nil)
    }

    @Test func connectionsAreCountedInTotalAndPerSourceAndReleasedExactlyOnce() throws {
        let table = ConnectionTable()
        let limits = TCPLimits(maxConnections: 3, maxConnectionsPerSource: 2)
        let a = try Self.source("192.0.2.1"), b = try Self.source("2001:db8::1"), c = try Self.source("2001:db8::2")
        #expect(table.admit(a, limits: limits) == nil)
        #expect(table.admit(a, limits: limits) == nil)
        #expect(table.admit(a, limits: limits) == .perSource)
        #expect(table.admit(b, limits: limits) == nil)
        #expect(table.admit(c, limits: limits) == .total)  // same /64 as b, but the total comes first
        #expect(table.open() == 3 && table.open(from: a) == 2 && table.open(from: c) == 1)

        table.release(a)
        #expect(table.open() == 2 && table.open(from: a) == 1)
        #expect(table.admit(c, limits: limits) == nil)  // the freed slot, in b's /64
        #expect(table.open() == 3 && table.open(from: b) == 2)
        table.release(c)
        table.release(b)
        table.release(a)
        #expect(table.open() == 0 && table.open(from: b) == 0)
        // Releasing what is not counted changes nothing.
        table.release(a)
        #expect(table.open() == 0 && table.open(from: a) == 0)
    }

    @Test func theRefusalWarningComesAtMostOncePerIntervalWithTheCount() {
        let throttle = WarningThrottle(interval: .seconds(10))
        let start = NIODeadline.uptimeNanoseconds(1_000_000_000)
        #expect(throttle.record(now: start) == 1)
        #expect(throttle.record(now: start + .seconds(1)) == nil)
        #expect(throttle.record(now: start + .seconds(9)) == nil)
        #expect(throttle.record(now: start + .seconds(10)) == 3)
        #expect(throttle.record(now: start + .seconds(11)) == nil)
        #expect(throttle.record(now: start + .seconds(30)) == 2)
    }

    @Test func theDefaultsAreTheDocumentedOnes() throws {
        let limits = TCPLimits()
        #expect(limits.maxConnections == 1024)
        #expect(limits.maxConnectionsPerSource == 32)
        #expect(limits.idleTimeout == .seconds(300))
        #expect(limits.messageTimeout == .seconds(10))
        #expect(limits.maxPendingWriteBytes == 65_536)
        #expect(limits.writeStallTimeout == .seconds(10))
        try limits.validate()
        #expect(limits.writeBufferWaterMark.low == 32_768 && limits.writeBufferWaterMark.high == 65_536)
    }

    @Test func limitsThatCannotBeAppliedAreNamed() {
        #expect(throws: TCPLimits.Invalid(member: "maxConnections", value: "0")) {
            try TCPLimits(maxConnections: 0).validate()
        }
        #expect(throws: TCPLimits.Invalid(member: "maxConnectionsPerSource", value: "-1")) {
            try TCPLimits(maxConnectionsPerSource: -1).validate()
        }
        #expect(throws: TCPLimits.Invalid(member: "idleTimeout", value: "\(TimeAmount.seconds(-1))")) {
            try TCPLimits(idleTimeout: .seconds(-1)).validate()
        }
        #expect(throws: TCPLimits.Invalid(member: "writeStallTimeout", value: "\(TimeAmount.zero)")) {
            try TCPLimits(writeStallTimeout: .zero).validate()
        }
        #expect(throws: TCPLimits.Invalid(member: "maxPendingWriteBytes", value: "1")) {
            try TCPLimits(maxPendingWriteBytes: 1).validate()
        }
        #expect(throws: TCPLimits.Invalid(member: "maxPendingWriteBytes", value: "\(Int.max)")) {
            try TCPLimits(maxPendingWriteBytes: .max).validate()
        }
        #expect(
            TCPLimits.Invalid(member: "maxPendingWriteBytes", value: "1").description
                == "TCP limit maxPendingWriteBytes must be from 2 to 1073741824, found 1")
        #expect(TCPLimits.Invalid(member: "maxConnections", value: "0").description == "TCP limit maxConnections must be positive, found 0")
    }
}
