/// A classic BPF program as the kernel's `struct sock_fprog` wants it, built here because the
/// C headers that define it (`linux/filter.h`) are not part of Glibc's Swift module.
struct BPFProgram {
    /// `struct sock_filter`: 16-bit opcode, two jump offsets, a 32-bit constant (8 bytes).
    struct Instruction {
        var code: UInt16
        var jumpIfTrue: UInt8 = 0
        var jumpIfFalse: UInt8 = 0
        var k: UInt32
    }

    var instructions: [Instruction]

    /// Calls `body` with a `struct sock_fprog` (`unsigned short len; struct sock_filter *filter`,
    /// the pointer at its natural alignment) and its size, for `setsockopt`.
    func withSocketFilterProgram<Result>(_ body: (UnsafeRawPointer, UInt32) -> Result) -> Result {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(instructions.count * 8)
        for instruction in instructions {
            withUnsafeBytes(of: instruction.code.littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(instruction.jumpIfTrue)
            bytes.append(instruction.jumpIfFalse)
            withUnsafeBytes(of: instruction.k.littleEndian) { bytes.append(contentsOf: $0) }
        }
        let pointerOffset = MemoryLayout<UnsafeRawPointer>.alignment
        let size = pointerOffset + MemoryLayout<UnsafeRawPointer>.size
        return bytes.withUnsafeBytes { filter in
            let program = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: pointerOffset)
            defer { program.deallocate() }
            program.initializeMemory(as: UInt8.self, repeating: 0, count: size)
            program.storeBytes(of: UInt16(instructions.count), as: UInt16.self)
            program.storeBytes(of: filter.baseAddress, toByteOffset: pointerOffset, as: UnsafeRawPointer?.self)
            return body(UnsafeRawPointer(program), UInt32(size))
        }
    }
}
