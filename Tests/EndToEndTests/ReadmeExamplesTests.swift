import Foundation
import Testing

/// The README is part of the product: every `ddim-explorer` command in its shell examples runs and
/// succeeds, and every text block that follows an example is what that example prints today.
///
/// The examples run on the release binary (`swift build -c release --product ddim-explorer`, the first
/// half of the README's test command): some of them (`table`, `train`) are minutes of work in a debug
/// build. A release binary older than any source file fails the suite instead of testing stale code.
@Suite struct ReadmeExamplesTests {
    /// A fenced block of the README: its language and lines.
    struct Block {
        var language: String
        var lines: [String]
    }

    static let blocks: [Block] = {
        guard let text = try? String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8) else { return [] }
        var blocks: [Block] = [], current: Block?
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                if let block = current { blocks.append(block); current = nil } else { current = Block(language: String(line.dropFirst(3)), lines: []) }
            } else if current != nil {
                current?.lines.append(line)
            }
        }
        return blocks
    }()

    /// The `ddim-explorer ...` command lines of a shell block, comments removed.
    static func commands(of block: Block) -> [String] {
        block.lines.compactMap { line in
            guard line.hasPrefix("ddim-explorer ") else { return nil }
            let code = line.range(of: " #").map { String(line[..<$0.lowerBound]) } ?? line
            return code.trimmingCharacters(in: .whitespaces)
        }
    }

    /// Every shell block's commands, in README order; the commands of one block run in order in one
    /// directory (a later one may read what an earlier one wrote).
    static let shellBlocks: [[String]] = blocks.filter { $0.language == "sh" }.map(commands(of:)).filter { !$0.isEmpty }

    /// Splits a command line into words (double quotes group words).
    static func words(_ command: String) -> [String] {
        var words: [String] = [], word = "", quoted = false, started = false
        for character in command {
            if character == "\"" { quoted.toggle(); started = true } else if character == " " && !quoted {
                if started { words.append(word) }
                word = ""; started = false
            } else { word.append(character); started = true }
        }
        if started { words.append(word) }
        return words
    }

    /// The release binary, or an error that says how to build it (missing, or older than a source file).
    static func releaseBinary() throws -> URL {
        let binary = repositoryRoot.appendingPathComponent(".build/release/ddim-explorer")
        let build = "run `swift build -c release --product ddim-explorer` first (the README's test command does)"
        let manager = FileManager.default
        guard let built = (try? manager.attributesOfItem(atPath: binary.path))?[.modificationDate] as? Date else {
            throw ReadmeExampleError("no release binary at \(binary.path): \(build)")
        }
        let sources = repositoryRoot.appendingPathComponent("Sources")
        for case let file as URL in manager.enumerator(at: sources, includingPropertiesForKeys: [.contentModificationDateKey]) ?? .init() {
            if let changed = try file.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate, changed > built {
                throw ReadmeExampleError("the release binary is older than \(file.lastPathComponent): \(build)")
            }
        }
        return binary
    }

    /// A scratch directory where the examples' relative paths work: `Assets` from the repository,
    /// and `mine.csv`, the user data the examples read.
    static func workspace(binary: URL) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddim-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("Assets"),
                                                   withDestinationURL: repositoryRoot.appendingPathComponent("Assets"))
        let data = try runExplorer(["data", "--dataset", "two-moons", "--count", "300", "--seed", "7"], binary: binary)
        try Data(data.stdout.utf8).write(to: directory.appendingPathComponent("mine.csv"))
        return directory
    }

    @Test func theReadmeHasExamplesToRun() {
        #expect(Self.shellBlocks.joined().count >= 10, "found \(Self.shellBlocks)")
    }

    @Test(arguments: shellBlocks)
    func everyShellExampleRuns(block: [String]) throws {
        let binary = try Self.releaseBinary()
        let directory = try Self.workspace(binary: binary)
        defer { try? FileManager.default.removeItem(at: directory) }
        for command in block {
            let result = try runExplorer(Array(Self.words(command).dropFirst()), in: directory, binary: binary)
            #expect(result.status == 0, "\(command)\n\(result.stderr)")
            #expect(!result.stdout.isEmpty || !result.stderr.isEmpty, "\(command) printed nothing")
        }
    }

    /// A ```text block right after a ```sh block shows what the first command of that block prints.
    @Test func everyShownOutputIsWhatItsCommandPrintsToday() throws {
        let binary = try Self.releaseBinary()
        let directory = try Self.workspace(binary: binary)
        defer { try? FileManager.default.removeItem(at: directory) }
        var checked = 0
        for (index, block) in Self.blocks.enumerated().dropFirst() where block.language == "text" {
            let previous = Self.blocks[index - 1]
            guard previous.language == "sh", let command = Self.commands(of: previous).first else { continue }
            let result = try runExplorer(Array(Self.words(command).dropFirst()), in: directory, binary: binary)
            #expect(result.status == 0, "\(command)\n\(result.stderr)")
            let printed = result.stdout.components(separatedBy: "\n").map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            let shown = block.lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            #expect(printed.filter { !$0.isEmpty } == shown.filter { !$0.isEmpty }, "README output of `\(command)` is stale:\n\(result.stdout)")
            checked += 1
        }
        #expect(checked >= 1)
    }
}

/// Why the README's examples could not be run.
struct ReadmeExampleError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
