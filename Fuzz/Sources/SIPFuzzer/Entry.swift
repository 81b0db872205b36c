import FuzzSupport

/// libFuzzer's callback: one input is one datagram and, cut into pieces, one TCP stream.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzInput.run(data, size) { bytes in
        for parser in SIPParsers.all {
            DatagramOracle(parser: parser).check(bytes)
        }
        for limits in SIPParsers.limits {
            StreamOracle(limits: limits).check(bytes)
        }
    }
}
