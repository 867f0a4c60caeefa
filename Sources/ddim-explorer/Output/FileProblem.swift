import Foundation

/// Plain words for why a file could not be read.
enum FileProblem {
    /// "no such file", "permission denied", ... for `error` raised while reading `path`.
    static func describe(_ error: any Error, path: String) -> String {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if !manager.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        if isDirectory.boolValue { return "it is a directory" }
        if !manager.isReadableFile(atPath: path) { return "permission denied" }
        if error is CocoaError || (error as NSError).domain == NSCocoaErrorDomain {
            return "not readable as UTF-8 text"
        }
        return error.localizedDescription
    }
}
