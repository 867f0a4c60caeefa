import Foundation
import Learned
import ToyWorld

/// Where the shipped models live (`Assets/models/*.safetensors`) and how they are found.
///
/// The directory is the first that exists of: `$DDIM_EXPLORER_MODELS`; `Assets/models` in the
/// executable's directory or any directory above it (so `swift run`, `.build/release/ddim-explorer`
/// and the tests all find the checkout's models); `Assets/models` in the current directory or above.
///
/// ```swift
/// ModelLibrary.names          // ["checkerboard", "circles", ...]
/// ModelLibrary.url(named: "two-moons")
/// ```
enum ModelLibrary {
    /// The environment variable that names the models directory.
    static let environmentVariable = "DDIM_EXPLORER_MODELS"
    /// The models directory inside a checkout.
    static let relativePath = "Assets/models"

    /// The models directory, nil when none is found.
    static var directory: URL? {
        if let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let starts = [executable.deletingLastPathComponent(), URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        for start in starts {
            var folder = start.standardizedFileURL
            while true {
                let candidate = folder.appendingPathComponent(relativePath)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    return candidate
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }

    /// The names of the shipped models (file names without `.safetensors`), sorted.
    static var names: [String] {
        guard let directory, let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return files.filter { $0.hasSuffix(".safetensors") }.map { String($0.dropLast(".safetensors".count)) }.sorted()
    }

    /// The file of the shipped model `name`, nil when there is none.
    static func url(named name: String) -> URL? {
        guard names.contains(name), let directory else { return nil }
        return directory.appendingPathComponent(name + ".safetensors")
    }

    /// The shipped model of `dataset` in the loop (named `learned:DATASET`), nil when there is
    /// none or it cannot be read.
    @Sendable static func shippedModel(for dataset: DatasetKind) -> RunModel? {
        guard let url = url(named: dataset.rawValue), let file = try? ModelFile(contentsOf: url) else { return nil }
        return RunModel(name: "learned:\(dataset.rawValue)", denoiser: file.denoiser)
    }

    /// Where a model's measurement record lives: `NAME.json` beside `NAME.safetensors`.
    static func recordURL(forModel url: URL) -> URL {
        url.deletingPathExtension().appendingPathExtension("json")
    }
}
