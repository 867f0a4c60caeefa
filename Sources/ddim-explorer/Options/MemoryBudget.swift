import DDIM
import Foundation

/// The memory a command may hold, computed before any work starts, so a size argument that cannot fit
/// is an error naming the argument, the bytes it needs and the largest value that fits, never an
/// allocation crash halfway through.
///
/// ```swift
/// try MemoryBudget.standard.check("--count", value: count, unit: "point", bytesPerUnit: 48)
/// // error: --count 1000000000000 needs 48.0 TB (48 bytes per point); the memory budget is 11.8 GB
/// //        (half the machine's memory), so the largest --count that fits is 263,066,282
/// ```
struct MemoryBudget {
    /// The bytes the command may hold.
    var bytes: Int

    /// Half of the machine's physical memory.
    static let standard = MemoryBudget(bytes: Int(min(ProcessInfo.processInfo.physicalMemory / 2, UInt64(Int.max))))

    /// Checks that `value` units of `bytesPerUnit` bytes each, beside `fixedBytes`, fit in the budget.
    func check(_ argument: String, value: Int, unit: String, bytesPerUnit: Int, fixedBytes: Int = 0) throws {
        let (product, overflow) = value.multipliedReportingOverflow(by: max(1, bytesPerUnit))
        let needed = overflow ? nil : product.addingReportingOverflow(fixedBytes)
        if let needed, !needed.overflow, needed.partialValue <= bytes { return }
        let largest = max(0, (bytes - fixedBytes) / max(1, bytesPerUnit))
        let neededText = needed.map { $0.overflow ? "more than \(Self.text(Int.max))" : Self.text($0.partialValue) }
            ?? "more than \(Self.text(Int.max))"
        throw CommandError("\(argument) \(value) needs \(neededText) of memory (\(bytesPerUnit) bytes per \(unit)); "
                           + "the memory budget is \(Self.text(bytes)) (half the machine's memory), "
                           + "so the largest \(argument) that fits is \(largest)")
    }

    /// "11.8 GB", "640.0 MB", "512 bytes".
    static func text(_ bytes: Int) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB", "PB", "EB"]
        var value = Double(bytes), index = 0
        while value >= 1024 && index < units.count - 1 {
            value /= 1024
            index += 1
        }
        return index == 0 ? "\(bytes) bytes" : String(format: "%.1f", value) + " " + units[index]
    }

    /// Bytes per point of a sampling run of `steps` steps: every state and predicted x0 when the history
    /// is kept, else the current state and the step's temporaries; plus the output rows.
    static func bytesPerChainPoint(steps: Int, keepsHistory: Bool, printedStates: Int) -> Int {
        let batch = 2 * MemoryLayout<Float>.stride
        let steps = min(max(steps, 0), DDIMConfiguration.maximumTrainTimesteps)
        let printedStates = min(max(printedStates, 0), steps + 1)
        let kept = keepsHistory ? (2 * steps + 1) * batch : 4 * batch
        return kept + 4 * batch + printedStates * bytesPerPrintedRow
    }

    /// Bytes of one printed row while a table is built (values and text).
    static let bytesPerPrintedRow = 160
}
