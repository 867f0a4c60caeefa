import Foundation
import ToyWorld

/// libFuzzer's entry point: any bytes must give at least two finite points or an error, never a trap or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPoints(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let text = String(decoding: bytes, as: UTF8.self)
    let whole = Result { () throws(PointsFileError) in try PointsFile.parse(text, name: "fuzz.csv") }
    if case .success(let points) = whole, points.count < 2 || !points.values.allSatisfy(\.isFinite) {
        fatalError("the reader returned \(points.count) points or a non-finite value")
    }
    return 0
}

// SwiftPM links executables with `main` bound to this module's own entry point, so libFuzzer's `main`
// never runs; start its driver from here instead.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var argumentCount = CommandLine.argc
var arguments = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argumentCount, &arguments, fuzzPoints))
