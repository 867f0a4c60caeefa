import ArgumentParser
import Foundation

/// The `ddim-explorer` command: the interactive explorer and its headless companions.
@main
struct DDIMExplorer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ddim-explorer",
        abstract: "Watch DDIM sampling run live in the terminal, or script it headlessly.",
        discussion: """
        Exit status: 0 on success, 1 for an error (bad arguments, unreadable input, a failed write), \
        3 when a run produced NaN or infinity (see --allow-nonfinite), 64 for a usage error. \
        Files named by --svg and --save-config are replaced only once written completely (written beside \
        the target and renamed over it); a symbolic link is followed and kept; a device or FIFO such as \
        /dev/stdout is written directly.
        """,
        version: "0.1.0",
        subcommands: [ExploreCommand.self, SampleCommand.self, DataCommand.self, TableCommand.self, InspectCommand.self,
                      TrainCommand.self, ModelsCommand.self,
                      InterpolateCommand.self, RenderCommand.self, BenchCommand.self],
        defaultSubcommand: ExploreCommand.self
    )

    /// Parses and runs the command like ArgumentParser's own `main()`, but checks every write of the
    /// help, the version and error messages (a full disk or closed stream is a failure status, not lost text).
    static func main() {
        StandardStreams.prepare()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let status = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if status == .success {
                    do {
                        try writeToStandardOutput(message + "\n")
                    } catch {
                        printToStandardError("error: \(error)")
                        finish(.failure)
                    }
                } else {
                    printToStandardError(message)
                }
            }
            finish(status)
        }
        finish(.success)
    }

    /// Ends the process with `status`, or with a failure when a message could not be written to stderr.
    private static func finish(_ status: ExitCode) -> Never {
        if status == .success, StandardStreams.standardErrorFailed.load(ordering: .relaxed) { Foundation.exit(1) }
        Foundation.exit(status.rawValue)
    }
}
