#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import Registrar
import RuntimeBundle
import SIP
import SIPDigest

// The REGISTER path of bench/registrar without sockets: SIPp's two REGISTERs per call (the
// first answered 401, the second with Authorization answered 200) handed to
// `RequestProcessor.handle(datagram:from:)` on one thread, as `serve` configures it (realm
// bench.local, challenges md5,sha-256, bindings in memory).
//
//     RegisterInProcess [rounds] [users]
//
// Round 0 adds every binding; later rounds refresh them, as the benchmark's steps do. Prints the
// thread CPU time per REGISTER of the later rounds. Under callgrind, collect only
// `measuredHandle` (see ../run) to count the instructions of the server side alone: the client
// side (digests, request text) is left out.
let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let rounds = max(2, arguments.first ?? 8)
let users = max(1, arguments.dropFirst().first ?? 5000)
let realm = "bench.local"
let numbers = (0..<users).map { String(100_000 + $0) }

// The bundle goes through a file, as serve loads it.
let bundle = SwitchboardBundle(
    providers: [],
    extensions: numbers.map { BundleExtension(number: $0, displayName: nil, password: .inline("pw-\($0)"), source: "extensions.yaml:1:1") },
    inbound: [], outbound: [])
let bundlePath = "/tmp/register-inprocess-\(getpid()).json"
let bundleFile = fopen(bundlePath, "w")!
let encoded = BundleEncoding.encode(bundle).bytes
precondition(fwrite(encoded, 1, encoded.count, bundleFile) == encoded.count, "cannot write \(bundlePath)")
fclose(bundleFile)
let configuration = try RegistrarConfiguration.load(bundleAt: bundlePath)
unlink(bundlePath)

var logger = Logger(label: "register-inprocess")
logger.logLevel = .warning
let processor = RequestProcessor(
    state: RegistrarState(configuration: configuration, policy: RegistrarPolicy(domains: [realm, "127.0.0.1"])),
    location: LocationService(),
    authenticator: DigestAuthenticator(realm: realm, algorithms: [.md5, .sha256]), logger: logger)
let source = PacketSource(host: "127.0.0.1", port: 5090, transport: .udp)

/// SIPp's REGISTER of bench/registrar/register_auth.xml.
func register(_ user: String, call: Int, cseq: Int, authorization: String?) -> [UInt8] {
    var text = "REGISTER sip:127.0.0.1:5080 SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:5090;branch=z9hG4bK-\(call)-\(cseq)\r\n"
        + "Max-Forwards: 70\r\n"
        + "Allow: INVITE, ACK, CANCEL, BYE, REFER, NOTIFY, MESSAGE, SUBSCRIBE, INFO, OPTIONS, UPDATE\r\n"
        + "Supported: replaces, path, gruu, outbound\r\n"
        + "Accept: application/sdp\r\n"
        + "From: <sip:\(user)@\(realm)>;tag=4242SIPpTag00\(call)\r\n"
        + "To: <sip:\(user)@\(realm)>\r\n"
        + "Call-ID: \(call)-4242@127.0.0.1\r\n"
        + "CSeq: \(cseq) REGISTER\r\n"
        + "Contact: <sip:\(user)@127.0.0.1:5090;transport=UDP>\r\n"
    if let authorization { text += "Authorization: \(authorization)\r\n" }
    text += "Expires: 3600\r\nUser-Agent: SIPp-bench\r\nContent-Length: 0\r\n\r\n"
    return Array(text.utf8)
}

/// The calls measured: callgrind collects only inside this function.
@inline(never) func measuredHandle(_ datagram: [UInt8]) -> [UInt8]? {
    processor.handle(datagram: datagram, from: source)
}

/// The first round's calls, not measured. It counts them, so that the compiler cannot fold it
/// into `measuredHandle` and callgrind tells the two apart.
nonisolated(unsafe) var unmeasuredCalls = 0
@inline(never) func unmeasuredHandle(_ datagram: [UInt8]) -> [UInt8]? {
    unmeasuredCalls += 1
    return processor.handle(datagram: datagram, from: source)
}

func threadCPUNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

func nonce(in response: [UInt8]) -> String? {
    let text = String(decoding: response, as: UTF8.self)
    guard let start = text.range(of: "nonce=\"") else { return nil }
    return String(text[start.upperBound...].prefix { $0 != "\"" })
}

var perRound: [Double] = []
var call = 0
let batch = 1000
for round in 0..<rounds {
    let handle = round == 0 ? unmeasuredHandle : measuredHandle
    var spent: UInt64 = 0
    for start in stride(from: 0, to: users, by: batch) {
        let batchUsers = numbers[start..<min(users, start + batch)]
        let firsts = batchUsers.enumerated().map { register($0.element, call: call + $0.offset, cseq: 1, authorization: nil) }
        var challenges: [[UInt8]] = []
        challenges.reserveCapacity(firsts.count)
        var started = threadCPUNanoseconds()
        for datagram in firsts { challenges.append(handle(datagram) ?? []) }
        spent += threadCPUNanoseconds() - started
        let seconds = batchUsers.enumerated().map { index, user in
            guard let nonce = nonce(in: challenges[index]) else { fatalError("no challenge for \(user)") }
            let cnonce = "c\(call + index)"
            let response = DigestResponse.response(
                algorithm: .md5, username: user, realm: realm, password: "pw-\(user)", nonce: nonce, nc: "00000001",
                cnonce: cnonce, method: "REGISTER", digestURI: "sip:127.0.0.1:5080")
            let authorization = "Digest username=\"\(user)\",realm=\"\(realm)\",cnonce=\"\(cnonce)\",nc=00000001,qop=auth,"
                + "uri=\"sip:127.0.0.1:5080\",nonce=\"\(nonce)\",response=\"\(response)\",algorithm=MD5"
            return register(user, call: call + index, cseq: 2, authorization: authorization)
        }
        var registered = 0
        started = threadCPUNanoseconds()
        for datagram in seconds where handle(datagram)?.starts(with: Array("SIP/2.0 200".utf8)) == true { registered += 1 }
        spent += threadCPUNanoseconds() - started
        guard registered == batchUsers.count else { fatalError("\(registered) of \(batchUsers.count) registered") }
        call += batchUsers.count
    }
    if round > 0 { perRound.append(Double(spent) / 1000 / Double(2 * users)) }
}
perRound.sort()
print("CPU µs per REGISTER over \(rounds - 1) rounds of \(2 * users) requests: median "
    + String(format: "%.2f, min %.2f", perRound[perRound.count / 2], perRound[0]))
