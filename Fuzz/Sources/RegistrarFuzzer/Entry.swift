import FuzzSupport

/// libFuzzer's callback: one input is one datagram sent to the registrar.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzInput.run(data, size) { RegistrarOracle.check($0) }
}
