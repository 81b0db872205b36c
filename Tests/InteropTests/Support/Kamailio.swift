import Foundation

/// Kamailio as a standard provider on 127.0.0.1: `Peers/kamailio-provider.cfg` with one user,
/// digest authentication, bindings in memory. Started by the test on a free port, stopped by its
/// pid.
final class KamailioProvider: @unchecked Sendable {
    let process: ChildProcess
    let port: UInt16
    /// The realm and address-of-record domain: the To domain the client uses.
    static let domain = Loopback.host

    private init(process: ChildProcess, port: UInt16) {
        self.process = process
        self.port = port
    }

    /// Starts Kamailio with `user`/`password` in its credential table (on UDP, and with `tcp` on
    /// TCP too, same port) and waits until it answers OPTIONS. Another process may take the port
    /// first: then it tries another.
    static func start(user: String, password: String, tcp: Bool = false, in workspace: Workspace) async throws -> KamailioProvider {
        let kamailio = try requirePeer("kamailio", debianPackage: "kamailio")
        let run = workspace.file("kamailio")
        // db_text tables: the version table, and the subscriber table the htable is loaded from.
        try workspace.write("kamailio/dbtext/version", "id(int,auto) table_name(string) table_version(int) \n0:version:1\n0:subscriber:7\n")
        try workspace.write(
            "kamailio/dbtext/subscriber",
            "id(int,auto) username(string) domain(string) password(string) \n1:\(user):\(domain):\(password)\n")
        var lastOutput = ""
        for attempt in 1...3 {
            guard let port = Loopback.freePort() else { continue }
            let process = try ChildProcess(
                kamailio,
                [
                    "-f", peersFolder.appendingPathComponent("kamailio-provider.cfg").path, "-DD", "-E",
                    "-m", "64", "-M", "8", "-n", "1", "-w", run.path,
                    "-l", "udp:\(Loopback.host):\(port)", "--alias=\(Loopback.host):\(port)",
                ] + (tcp ? ["-l", "tcp:\(Loopback.host):\(port)"] : []) + [
                    "-A", "DBURL=\"text://\(run.path)/dbtext\"",
                ],
                in: workspace.url, log: workspace.file("kamailio-\(attempt).log"))
            let provider = KamailioProvider(process: process, port: port)
            if await Loopback.waitUntilAnswering(port: port, process: process, seconds: 10) { return provider }
            await process.stop()
            lastOutput = process.output
        }
        throw InteropError.missingPeer("Kamailio did not start:\n\(lastOutput.suffix(3000))")
    }

    func stop() async {
        await process.stop()
    }
}
