import ArgumentParser
import Foundation

/// A mistake in what the user asked for on the command line, with a message that names the option,
/// the value and what is allowed.
struct CommandError: Error, CustomStringConvertible, Equatable {
    var description: String

    init(_ description: String) {
        self.description = description
    }

    /// `--name value` is not allowed; `allowed` says what is.
    static func invalid(_ option: String, _ value: String, allowed: String) -> CommandError {
        CommandError("invalid value '\(value)' for \(option); allowed: \(allowed)")
    }
}

/// Runs `body`; any error it throws is printed as `error: <message>` on stderr and turned into exit status 1,
/// so bad input never crashes and never prints a stack trace; a ``NonFiniteResult`` gives exit status 3.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let nonFinite as NonFiniteResult {
        printToStandardError("error: \(nonFinite)")
        throw ExitCode(NonFiniteResult.exitStatus)
    } catch {
        printToStandardError("error: \(errorMessage(error))")
        throw ExitCode.failure
    }
}

/// The user-facing text of an error: its `LocalizedError` description when it has one, else its description.
func errorMessage(_ error: any Error) -> String {
    if let localized = error as? LocalizedError, let text = localized.errorDescription {
        return text
    }
    return String(describing: error)
}
