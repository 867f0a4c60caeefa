import DDIM
import Foundation

/// libFuzzer's entry point: any bytes must give a configuration or an error, never a trap or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    guard let configuration = try? DDIMConfiguration(jsonData: data) else { return 0 }
    // What the writer writes, the reader reads back to the same configuration: writing it again gives
    // the same bytes (compared as text, so NaN values compare equal).
    if let written = try? configuration.jsonData() {
        guard let again = try? DDIMConfiguration(jsonData: written), (try? again.jsonData()) == written else {
            fatalError("round trip changed the configuration: \(String(decoding: written, as: UTF8.self))")
        }
    }
    guard (try? configuration.validate()) != nil else { return 0 }
    // Build the scheduler the CLI would (small schedules only, so the fuzzer measures the reader, not allocation).
    guard configuration.numTrainTimesteps <= 10_000, var scheduler = try? DDIMScheduler(configuration: configuration) else { return 0 }
    for steps in [1, min(50, configuration.numTrainTimesteps), configuration.numTrainTimesteps] {
        try? scheduler.setTimesteps(steps)
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
exit(runFuzzerDriver(&argumentCount, &arguments, fuzzConfig))
